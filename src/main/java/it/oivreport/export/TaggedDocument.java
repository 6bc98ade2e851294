package it.oivreport.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfBorderArray;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfDocument;
import com.lowagie.text.pdf.PdfFormField;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPRow;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * OpenPDF's page layout, with a structure tree in reading order (tagged PDF, for PDF/UA). OpenPDF has the
 * primitives (marked content bound to structure elements) but no element it lays out tags itself; this
 * document does it as elements are added:
 * <ul>
 *   <li>every paragraph added at the top level is one structure element, {@code P} unless a role was given
 *   ({@link #role}), its text one marked-content sequence, closed at a page break and opened again on the next
 *   page;</li>
 *   <li>{@link #begin}/{@link #end} group elements ({@code L});</li>
 *   <li>tables are written cell by cell ({@link #table}): {@code Table}, {@code TR}, {@code TH}/{@code TD},
 *   header rows repeated on a new page as artifacts; a cell may be a link ({@code Link} with its annotation);</li>
 *   <li>an empty signature field is a {@code Form} element ({@link #signatureField});</li>
 *   <li>what the page events draw (running header, page numbers, watermark) is marked as artifacts by them
 *   ({@link #artifact}).</li>
 * </ul>
 */
final class TaggedDocument extends PdfDocument {

    static final PdfName DOCUMENT = new PdfName("Document");
    static final PdfName H1 = new PdfName("H1");
    static final PdfName H2 = new PdfName("H2");
    static final PdfName H3 = new PdfName("H3");
    static final PdfName L = new PdfName("L");
    static final PdfName LI = new PdfName("LI");
    static final PdfName LBODY = new PdfName("LBody");
    static final PdfName TABLE = new PdfName("Table");
    static final PdfName TR = new PdfName("TR");
    static final PdfName TH = new PdfName("TH");
    static final PdfName TD = new PdfName("TD");
    static final PdfName LINK = new PdfName("Link");
    static final PdfName FORM = new PdfName("Form");
    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName PAGINATION = new PdfName("Pagination");
    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName COLUMN = new PdfName("Column");
    private static final PdfName OBJR = new PdfName("OBJR");
    private static final PdfName OBJ = new PdfName("Obj");
    /** Annotations are read in structure order ({@code /Tabs /S} on every page). */
    static final PdfName STRUCTURE_ORDER = new PdfName("S");

    private final Deque<PdfStructureElement> parents = new ArrayDeque<>();
    private final Map<Element, PdfName> roles = new IdentityHashMap<>();
    /** The element whose marked content is open in the text layer, if any. */
    private PdfStructureElement open;
    private int depth;

    private TaggedDocument() {
    }

    /** Tags what is added to {@code document}, written to {@code out} by {@link #writer()}. */
    static TaggedDocument of(Document document, OutputStream out) throws DocumentException {
        TaggedDocument pdf = new TaggedDocument();
        pdf.setTextRenderingOptions(document.getTextRenderingOptions());
        document.addDocListener(pdf);
        PdfWriter writer = new Writer(pdf, out);
        pdf.addWriter(writer);
        writer.setTagged();
        writer.setTabs(STRUCTURE_ORDER);
        return pdf;
    }

    /** The writer of the tagged file. */
    PdfWriter writer() {
        return writer;
    }

    /** PdfWriter's constructor that takes a document is protected. */
    private static final class Writer extends PdfWriter {
        Writer(PdfDocument document, OutputStream out) {
            super(document, out);
        }
    }

    @Override
    public void open() {
        super.open();
        if (parents.isEmpty()) {
            parents.push(new PdfStructureElement(writer.getStructureTreeRoot(), DOCUMENT));
        }
    }

    /** The role of a paragraph when it is added (a heading, a list body); {@code P} otherwise. */
    <T extends Element> T role(T element, PdfName role) {
        roles.put(element, role);
        return element;
    }

    /** Opens a grouping element: what is added until {@link #end} is inside it. */
    void begin(PdfName role) {
        parents.push(new PdfStructureElement(parents.peek(), role));
    }

    /** Closes the grouping element {@link #begin} opened. */
    void end() {
        if (parents.size() > 1) {
            parents.pop();
        }
    }

    /** A list item: a {@code LI} with the paragraph as its {@code LBody}, in the current {@code L}. */
    void item(Paragraph paragraph) throws DocumentException {
        begin(LI);
        role(paragraph, LBODY);
        try {
            add(paragraph);
        } finally {
            end();
        }
    }

    @Override
    public boolean add(Element element) throws DocumentException {
        if (depth > 0 || !(element instanceof Paragraph) || writer == null || !isOpen()) {
            depth++;
            try {
                return super.add(element);
            } finally {
                depth--;
            }
        }
        PdfName role = roles.remove(element);
        PdfStructureElement tag = new PdfStructureElement(parents.peek(), role == null ? PdfName.P : role);
        flushLines();
        open = tag;
        text.beginMarkedContentSequence(tag);
        depth++;
        try {
            return super.add(element);
        } finally {
            depth--;
            flushLines();
            text.endMarkedContentSequence();
            open = null;
        }
    }

    /**
     * A page break in the middle of a tagged paragraph: its marked content is closed on this page, before the
     * page events draw their artifacts, and opened again, for the same element, on the next.
     */
    @Override
    public boolean newPage() {
        if (open == null) {
            return super.newPage();
        }
        try {
            flushLines();
        } catch (DocumentException e) {
            throw new ExceptionConverter(e);
        }
        text.endMarkedContentSequence();
        boolean result = super.newPage();
        text.beginMarkedContentSequence(open);
        return result;
    }

    /**
     * Starts an artifact (running header, page number, watermark) in {@code canvas}; the caller ends it with
     * {@link PdfContentByte#endMarkedContentSequence()}.
     */
    static void artifact(PdfContentByte canvas) {
        PdfDictionary properties = new PdfDictionary();
        properties.put(PdfName.TYPE, PAGINATION);
        canvas.beginMarkedContentSequence(ARTIFACT, properties, true);
    }

    /** Where a cell of a {@link #table} links to: a named destination of the document. */
    interface Links {
        /** The destination the cell at row {@code row}, column {@code column} links to, or null. */
        String destination(int row, int column);
    }

    /**
     * Writes the table at the current position, cell by cell, each in its {@code TH} or {@code TD}; a row
     * that does not fit starts a new page, where the header rows are repeated as artifacts.
     */
    void table(PdfPTable table, Links links) throws DocumentException {
        flushLines();
        ensureNewLine();
        float left = indentLeft();
        table.setTotalWidth(indentRight() - left);
        table.setLockedWidth(true);
        int headers = table.getHeaderRows();
        PdfStructureElement tag = new PdfStructureElement(parents.peek(), TABLE);
        float y = indentTop() - currentHeight - (currentHeight > 0 ? table.spacingBefore() : 0);
        for (int r = 0; r < table.size(); r++) {
            float height = table.getRowHeight(r);
            // A row that does not fit goes to the next page, unless it already starts one.
            if (y - height < bottom() && y < indentTop() - 1) {
                newPage();
                y = indentTop() - currentHeight;
                if (r >= headers) {
                    PdfContentByte canvas = writer.getDirectContent();
                    for (int h = 0; h < headers; h++) {
                        artifact(canvas);
                        table.writeSelectedRows(0, -1, h, h + 1, left, y, canvas);
                        canvas.endMarkedContentSequence();
                        y -= table.getRowHeight(h);
                    }
                }
            }
            PdfStructureElement row = new PdfStructureElement(tag, TR);
            PdfPRow cells = table.getRow(r);
            PdfContentByte canvas = writer.getDirectContent();
            int column = 0;
            for (PdfPCell cell : cells.getCells()) {
                if (cell == null) {
                    column++;
                    continue;
                }
                PdfStructureElement cellTag = new PdfStructureElement(row, r < headers ? TH : TD);
                if (r < headers) {
                    PdfDictionary attributes = new PdfDictionary();
                    attributes.put(PdfName.O, TABLE);
                    attributes.put(SCOPE, COLUMN);
                    cellTag.put(PdfName.A, attributes);
                }
                String destination = links == null ? null : links.destination(r, column);
                PdfStructureElement content = destination == null ? cellTag : new PdfStructureElement(cellTag, LINK);
                canvas.beginMarkedContentSequence(content);
                table.writeSelectedRows(column, column + cell.getColspan(), r, r + 1, left + cell.getLeft(), y, canvas);
                canvas.endMarkedContentSequence();
                if (destination != null) {
                    link(content, destination, left + cell.getLeft(), y - height, left + cell.getRight(), y,
                            cell.getPhrase() == null ? destination : cell.getPhrase().getContent());
                }
                column += cell.getColspan();
            }
            y -= height;
        }
        y -= table.spacingAfter();
        text.moveText(0, y - indentTop() + currentHeight);
        currentHeight = indentTop() - y;
    }

    /** A link annotation over a cell, bound to its {@code Link} element (OBJR), as PDF/UA asks. */
    private void link(PdfStructureElement tag, String destination, float llx, float lly, float urx, float ury,
            String description) {
        PdfAnnotation annotation = new PdfAnnotation(writer, llx, lly, urx, ury,
                PdfAction.gotoLocalPage(destination, false));
        annotation.setBorder(new PdfBorderArray(0, 0, 0));
        annotation.setFlags(PdfAnnotation.FLAGS_PRINT);
        annotation.put(PdfName.CONTENTS, new PdfString(description, PdfObject.TEXT_UNICODE));
        bind(tag, annotation);
    }

    /**
     * An empty signature field on the current page, for a signature to be applied later into it (the seal):
     * in a {@code Form} element with its description ({@code /TU}), so that the visible signature is part of
     * the tagged document.
     */
    void signatureField(String name, String description, Rectangle where) {
        PdfFormField field = PdfFormField.createSignature(writer);
        field.setWidget(where, null);
        field.setFlags(PdfAnnotation.FLAGS_PRINT);
        field.setFieldName(name);
        field.setPage();
        field.put(PdfName.TU, new PdfString(description, PdfObject.TEXT_UNICODE));
        bind(new PdfStructureElement(parents.peek(), FORM), field);
    }

    /** Adds the annotation to the page, as the content of {@code tag} (an object reference in its kids). */
    private void bind(PdfStructureElement tag, PdfAnnotation annotation) {
        int key = writer.getStructureTreeRoot().addExistingObject(tag.getReference());
        annotation.put(PdfName.STRUCTPARENT, new PdfNumber(key));
        writer.addAnnotation(annotation);
        PdfDictionary reference = new PdfDictionary(OBJR);
        reference.put(OBJ, annotation.getIndirectReference());
        reference.put(PdfName.PG, writer.getCurrentPage());
        PdfObject kids = tag.get(PdfName.K);
        PdfArray array;
        if (kids instanceof PdfArray existing) {
            array = existing;
        } else {
            array = new PdfArray();
            if (kids != null) {
                array.add(kids);
            }
            tag.put(PdfName.K, array);
        }
        array.add(reference);
    }
}
