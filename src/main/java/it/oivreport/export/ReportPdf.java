package it.oivreport.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.comparison.ChangeClass;
import it.oivreport.comparison.Comparisons;
import it.oivreport.comparison.QuestionComparison;
import it.oivreport.comparison.ReportComparison;
import it.oivreport.comparison.TextDiff;
import it.oivreport.evidence.EvidenceView;
import it.oivreport.evidence.Evidences;
import it.oivreport.questionnaire.QuestionnaireDefinition.PartDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.QuestionDefinition;
import it.oivreport.questionnaire.QuestionnaireDefinition.SectionDefinition;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.AnswerContent;
import it.oivreport.report.ReportViews.ReportDocument;
import it.oivreport.report.ReportViews.ReportOverview;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.Reports;
import it.oivreport.shared.Dates;
import it.oivreport.shared.web.ByteSizes;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The report as a PDF, with OpenPDF: cover, index with page numbers, the header note, every section with
 * its questions and answers, and the annexes on variations and evidence. Titillium Web is embedded, the
 * running header names the administration and year, the footer says "Pagina X di Y", and parts and
 * sections are bookmarks. Every file is tagged ({@link TaggedDocument}) to PDF/UA-1; approved and signed
 * reports are PDF/A-2a; drafts carry "BOZZA" on every page.
 *
 * <p>It renders twice: the first pass finds on which page each section starts, the second writes those
 * numbers in the index (the index always fits on one page, so the numbers do not move).
 */
@Component
public class ReportPdf {

    /** The report is written in Italian whatever the language of the page that asked for it. */
    static final Locale LANGUAGE = Locale.ITALIAN;
    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color BLUE = new Color(0x00, 0x66, 0xcc);
    private static final Color GREY = new Color(0x5d, 0x70, 0x83);
    private static final Color WATERMARK = new Color(0xe6, 0xe9, 0xf2);
    private static final Color RULE = new Color(0xd9, 0xdd, 0xe3);

    private final Reports reports;
    private final Comparisons comparisons;
    private final Evidences evidences;
    private final Administrations administrations;
    private final Memberships memberships;
    private final it.oivreport.review.Workflow workflow;
    private final SignedCopyRepository copies;
    private final MessageSource messages;
    private final Clock clock;
    private final List<SourceDocuments> sources;
    private final byte[] regular;
    private final byte[] semibold;
    private final byte[] bold;

    ReportPdf(Reports reports, Comparisons comparisons, Evidences evidences, Administrations administrations,
            Memberships memberships, it.oivreport.review.Workflow workflow, SignedCopyRepository copies,
            MessageSource messages, Clock clock, List<SourceDocuments> sources) {
        this.workflow = workflow;
        this.sources = sources;
        this.copies = copies;
        this.reports = reports;
        this.comparisons = comparisons;
        this.evidences = evidences;
        this.administrations = administrations;
        this.memberships = memberships;
        this.messages = messages;
        this.clock = clock;
        this.regular = font("regular");
        this.semibold = font("600");
        this.bold = font("700");
    }

    /** The regular weight, for text drawn outside the rendering (the seal's visible block). */
    byte[] regularFont() {
        return regular;
    }

    /** Titillium Web from the Bootstrap Italia webjar, whatever its version. */
    private static byte[] font(String weight) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/resources/"
                    + "webjars/bootstrap-italia/*/dist/fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-" + weight + ".ttf");
            if (found.length == 0) {
                throw new IllegalStateException("Titillium Web " + weight + " not found in the bootstrap-italia webjar");
            }
            return found[0].getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A member of the OIV as the approval block names them, with their approval if they gave it. */
    record Approver(String fullName, boolean president, java.time.Instant approvedAt) {
    }

    /**
     * A rettifica: its number, when the report it corrects was signed (null if that is not known) and why
     * it was started (null for rettifiche started before reasons were asked).
     */
    record Correction(int revision, java.time.Instant originalSignedAt, String reason) {
    }

    /**
     * Everything the PDF shows, read once.
     *
     * @param approvers every OIV member, the president first, each with the date of their approval, if any
     * @param approvedAt when the report became approved; null while it is not
     */
    record Content(ReportDocument document, AdministrationView administration, List<String> members, String president,
            Optional<ReportComparison> comparison, List<EvidenceView> evidence, java.time.Instant generatedAt,
            List<Approver> approvers, java.time.Instant approvedAt, Correction correction,
            Map<String, String> namesByUsername, SourceDocuments.SourceDocument source,
            List<it.oivreport.review.WorkflowView.TransitionView> workflowHistory) {

        Content {
            workflowHistory = workflowHistory == null ? List.of() : List.copyOf(workflowHistory);
        }

        /** Without the workflow's history: an annex that lists none. */
        Content(ReportDocument document, AdministrationView administration, List<String> members, String president,
                Optional<ReportComparison> comparison, List<EvidenceView> evidence, java.time.Instant generatedAt,
                List<Approver> approvers, java.time.Instant approvedAt, Correction correction,
                Map<String, String> namesByUsername, SourceDocuments.SourceDocument source) {
            this(document, administration, members, president, comparison, evidence, generatedAt, approvers, approvedAt,
                    correction, namesByUsername, source, List.of());
        }

        /** Without a source document: a report written in the product. */
        Content(ReportDocument document, AdministrationView administration, List<String> members, String president,
                Optional<ReportComparison> comparison, List<EvidenceView> evidence, java.time.Instant generatedAt,
                List<Approver> approvers, java.time.Instant approvedAt, Correction correction,
                Map<String, String> namesByUsername) {
            this(document, administration, members, president, comparison, evidence, generatedAt, approvers, approvedAt,
                    correction, namesByUsername, null);
        }

        /** Without names by username: people named by username are printed as such. */
        Content(ReportDocument document, AdministrationView administration, List<String> members, String president,
                Optional<ReportComparison> comparison, List<EvidenceView> evidence, java.time.Instant generatedAt,
                List<Approver> approvers, java.time.Instant approvedAt, Correction correction) {
            this(document, administration, members, president, comparison, evidence, generatedAt, approvers, approvedAt,
                    correction, Map.of());
        }

        /** A person the report records by username, by full name when they are an OIV member. */
        String fullName(String username) {
            return namesByUsername.getOrDefault(username, username);
        }

        Content(ReportDocument document, AdministrationView administration, List<String> members, String president,
                Optional<ReportComparison> comparison, List<EvidenceView> evidence, java.time.Instant generatedAt,
                List<Approver> approvers, java.time.Instant approvedAt) {
            this(document, administration, members, president, comparison, evidence, generatedAt, approvers, approvedAt,
                    null);
        }

        Content(ReportDocument document, AdministrationView administration, List<String> members, String president,
                Optional<ReportComparison> comparison, List<EvidenceView> evidence, java.time.Instant generatedAt) {
            this(document, administration, members, president, comparison, evidence, generatedAt,
                    members.stream().map(m -> new Approver(m, m.equals(president), null)).toList(), null);
        }

        ReportOverview overview() {
            return document.overview();
        }

        boolean draft() {
            // An imported report is not a draft: it is the text of a report signed outside the product.
            return overview().status() == ReportStatus.BOZZA || overview().status() == ReportStatus.IN_REVISIONE;
        }
    }

    /** The name of the empty signature field a rendering for the seal carries on its last page. */
    static final String SEAL_FIELD = "Sigillo";

    /** Where that field is, in points from the page's lower left corner: the seal's visible block. */
    static final Rectangle SEAL_BLOCK = new Rectangle(56, 132, 356, 202);

    public byte[] render(Access access) {
        return render(access, false);
    }

    /** The report as the seal signs it: with an empty signature field, tagged, for the visible block. */
    byte[] renderForSeal(Access access) {
        return render(access, true);
    }

    private byte[] render(Access access, boolean sealField) {
        ReportDocument document = reports.document(access);
        ReportOverview overview = document.overview();
        AdministrationView administration = administrations.find(overview.administrationId()).orElseThrow();
        List<Memberships.Member> oiv = memberships.members(overview.administrationId()).stream()
                .filter(m -> m.role() == Role.OIV).toList();
        String president = oiv.stream().filter(m -> administration.presidentId() != null
                && m.userId() == administration.presidentId()).map(Memberships.Member::fullName).findFirst().orElse(null);
        it.oivreport.review.WorkflowView workflow = this.workflow.view(access);
        Map<String, java.time.Instant> approved = new HashMap<>();
        workflow.approvals().forEach(a -> approved.put(a.fullName(), a.approvedAt()));
        boolean isApproved = overview.status() == ReportStatus.APPROVATO || overview.status() == ReportStatus.FIRMATO;
        List<Approver> approvers = oiv.stream().map(m -> new Approver(m.fullName(), m.fullName().equals(president),
                        isApproved ? approved.get(m.fullName()) : null))
                .sorted(java.util.Comparator.comparing((Approver a) -> !a.president())).toList();
        java.time.Instant approvedAt = !isApproved ? null : workflow.history().stream()
                .filter(t -> t.to() == ReportStatus.APPROVATO && t.from() != ReportStatus.APPROVATO)
                .map(it.oivreport.review.WorkflowView.TransitionView::happenedAt)
                .max(java.util.Comparator.naturalOrder()).orElse(null);
        Reports.Revision revision = reports.revision(access);
        Correction correction = revision.corrects() == null ? null : new Correction(revision.revision(),
                copies.findSummaryByReportId(revision.corrects(), SignedCopyRepository.Summary.class)
                        .map(SignedCopyRepository.Summary::signedAt).orElse(null), revision.reason());
        Content content = new Content(document, administration, oiv.stream().map(Memberships.Member::fullName).toList(),
                president, comparisons.compare(access),
                evidences.ofReport(access).stream().filter(e -> !e.removed()).toList(), clock.instant(), approvers,
                approvedAt, correction, oiv.stream().collect(java.util.stream.Collectors.toMap(
                        Memberships.Member::username, Memberships.Member::fullName, (a, b) -> a)),
                sources.stream().flatMap(s -> s.of(access).stream()).findFirst().orElse(null),
                oldestFirst(workflow.history()));
        return render(content, sealField);
    }

    byte[] render(Content content) {
        return render(content, false);
    }

    /** The workflow's steps as the annex lists them: the view has them newest first. */
    static List<it.oivreport.review.WorkflowView.TransitionView> oldestFirst(
            List<it.oivreport.review.WorkflowView.TransitionView> newestFirst) {
        List<it.oivreport.review.WorkflowView.TransitionView> steps = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(steps);
        return steps;
    }

    private byte[] render(Content content, boolean sealField) {
        Map<String, Integer> pages = new HashMap<>();
        new Rendering(content, Map.of(), pages, false).run();
        return new Rendering(content, pages, new HashMap<>(), sealField).run();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LANGUAGE);
    }

    /** One pass over the document. */
    private final class Rendering extends PdfPageEventHelper {

        private final Content content;
        private final Map<String, Integer> knownPages;
        private final Map<String, Integer> foundPages;
        private final BaseFont base;
        private final BaseFont baseSemibold;
        private final BaseFont baseBold;
        private final Font body;
        private final Font small;
        private final Font label;
        private final Font question;
        private final Font h1;
        private final Font h2;
        private final Font h3;
        private final Map<Integer, PdfOutline> partOutlines = new HashMap<>();
        private final java.util.Set<String> outlined = new java.util.HashSet<>();
        private PdfWriter writer;
        /** The document's structure: headings, paragraphs, lists and tables as they are added. */
        private TaggedDocument tags;
        private PdfTemplate total;

        private final boolean sealField;

        Rendering(Content content, Map<String, Integer> knownPages, Map<String, Integer> foundPages, boolean sealField) {
            this.content = content;
            this.sealField = sealField;
            this.knownPages = knownPages;
            this.foundPages = foundPages;
            try {
                base = BaseFont.createFont("TitilliumWeb-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                        regular, null);
                baseSemibold = BaseFont.createFont("TitilliumWeb-SemiBold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                        true, semibold, null);
                baseBold = BaseFont.createFont("TitilliumWeb-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                        bold, null);
                // A subset's CIDSet would list only the glyphs used; PDF/A-2 and PDF/UA want all or none.
                for (BaseFont font : new BaseFont[] {base, baseSemibold, baseBold}) {
                    font.setIncludeCidSet(false);
                }
            } catch (IOException | DocumentException e) {
                throw new IllegalStateException("cannot load the report's fonts", e);
            }
            body = new Font(base, 10.5f, Font.NORMAL, INK);
            small = new Font(base, 8.5f, Font.NORMAL, GREY);
            label = new Font(baseSemibold, 9.5f, Font.NORMAL, GREY);
            question = new Font(baseSemibold, 11f, Font.NORMAL, INK);
            h1 = new Font(baseBold, 24f, Font.NORMAL, INK);
            h2 = new Font(baseBold, 16f, Font.NORMAL, BLUE);
            h3 = new Font(baseBold, 13f, Font.NORMAL, INK);
        }

        byte[] run() {
            ReportOverview overview = content.overview();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 56, 56, 72, 64);
            try {
                tags = TaggedDocument.of(document, out);
                writer = tags.writer();
                writer.setPageEvent(this);
                // The outline open, and the title (not the file name) in the window, as PDF/UA asks.
                writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
                String title = text("pdf.title", content.administration().name(), overview.year());
                document.addTitle(title);
                document.addSubject(overview.questionnaire().title());
                document.addAuthor(text("pdf.author", content.administration().name()));
                document.addCreator(text("app.name"));
                document.addCreationDate();
                writer.getExtraCatalog().put(PdfName.LANG, new PdfString("it-IT"));
                writer.setXmpMetadata(Xmp.of(writer, !content.draft()));
                document.open();
                if (!content.draft()) {
                    // PDF/A-2a: embedded fonts (above), the structure tree, XMP metadata and an sRGB output
                    // intent (OpenPDF names its PDF/A subtype only in its PDF/A-1 mode, which forces a CIDSet).
                    writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                            java.awt.color.ICC_Profile.getInstance(ColorSpace.CS_sRGB));
                    ((PdfDictionary) ((com.lowagie.text.pdf.PdfArray) writer.getExtraCatalog().get(PdfName.OUTPUTINTENTS))
                            .getPdfObject(0)).put(PdfName.S, PdfName.GTS_PDFA1);
                }
                cover(document);
                index(document);
                sections(document);
                approvalBlock(document);
                variationsAnnex(document);
                evidenceAnnex(document);
                workflowAnnex(document);
                sourceAnnex(document);
                Paragraph generated = new Paragraph(text("pdf.generated",
                        Dates.dateTime(content.generatedAt())), small);
                generated.setSpacingBefore(24);
                document.add(generated);
                if (sealField) {
                    tags.signatureField(SEAL_FIELD, text("seal.field"), SEAL_BLOCK);
                }
                document.close();
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("cannot render report " + overview.id(), e);
            }
            return out.toByteArray();
        }

        private void cover(Document document) throws DocumentException {
            ReportOverview overview = content.overview();
            Paragraph administration = new Paragraph(content.administration().name(), new Font(baseSemibold, 14f, Font.NORMAL, BLUE));
            administration.setSpacingBefore(120);
            document.add(administration);
            Paragraph title = tags.role(new Paragraph(overview.questionnaire().title(), h1), TaggedDocument.H1);
            title.setLeading(30);
            title.setSpacingBefore(12);
            document.add(title);
            Paragraph year = new Paragraph(text("pdf.cycle", overview.year()), new Font(baseSemibold, 16f, Font.NORMAL, INK));
            year.setSpacingBefore(8);
            year.setSpacingAfter(36);
            document.add(year);
            PdfPTable facts = new PdfPTable(new float[] {1.2f, 3f});
            facts.setWidthPercentage(100);
            String addressee = content.administration().addressee();
            if (addressee != null && !addressee.isBlank()) {
                fact(facts, text("pdf.addressee"), addressee);
            }
            fact(facts, text("pdf.composition"), text("administration.composition." + content.administration().composition()));
            fact(facts, text("pdf.members"), content.members().isEmpty() ? "—" : String.join(", ", content.members()));
            fact(facts, text("pdf.president"), content.president() == null ? "—" : content.president());
            fact(facts, text("pdf.status"), text("report.status." + overview.status()));
            if (content.approvedAt() != null) {
                fact(facts, text("pdf.approvedOn"), Dates.date(content.approvedAt()));
            }
            Correction correction = content.correction();
            if (correction != null) {
                fact(facts, text("pdf.correction"), correction.originalSignedAt() == null
                        ? text("pdf.correction.ofUnsigned", correction.revision())
                        : text("pdf.correction.of", correction.revision(), Dates.date(correction.originalSignedAt())));
                if (correction.reason() != null) {
                    fact(facts, text("pdf.correction.reason"), correction.reason());
                }
            }
            tags.table(facts, null);
            // The legal frame the report is issued in.
            Paragraph frame = new Paragraph(text("pdf.legalFrame"), small);
            frame.setSpacingBefore(24);
            frame.setLeading(12);
            document.add(frame);
            document.newPage();
        }

        private void fact(PdfPTable table, String name, String value) {
            PdfPCell left = new PdfPCell(new Phrase(name, label));
            PdfPCell right = new PdfPCell(new Phrase(value, body));
            for (PdfPCell cell : new PdfPCell[] {left, right}) {
                cell.setBorder(Rectangle.BOTTOM);
                cell.setBorderColor(RULE);
                cell.setPaddingTop(6);
                cell.setPaddingBottom(8);
                table.addCell(cell);
            }
        }

        private void index(Document document) throws DocumentException {
            document.add(heading(text("pdf.index"), h2, null, 0));
            PdfPTable index = new PdfPTable(new float[] {8f, 1f});
            indexAnchors.clear();
            index.setWidthPercentage(100);
            for (PartDefinition part : content.overview().questionnaire().parts()) {
                indexRow(index, text("pdf.part", part.number(), part.title()), "part-" + part.number(), label);
                for (SectionDefinition section : part.sections()) {
                    indexRow(index, "    " + text("pdf.section", section.number(), section.title()),
                            "section-" + section.number(), body);
                }
            }
            if (content.comparison().isPresent()) {
                indexRow(index, text("pdf.annex.variations"), "annex-variations", label);
            }
            indexRow(index, text("pdf.annex.evidence"), "annex-evidence", label);
            if (!content.workflowHistory().isEmpty()) {
                indexRow(index, text("pdf.annex.workflow"), "annex-workflow", label);
            }
            if (content.source() != null) {
                indexRow(index, text("pdf.annex.source"), "annex-source", label);
            }
            tags.table(index, (row, column) -> column == 0 ? indexAnchors.get(row) : null);
            Paragraph note = new Paragraph(content.overview().questionnaire().headerNote(), small);
            note.setSpacingBefore(18);
            document.add(note);
            document.newPage();
        }

        /** Each row of the index links to its heading (a Link element over the cell). */
        private final List<String> indexAnchors = new java.util.ArrayList<>();

        private void indexRow(PdfPTable table, String title, String anchor, Font font) {
            indexAnchors.add(anchor);
            PdfPCell name = new PdfPCell(new Phrase(title, font));
            Integer page = knownPages.get(anchor);
            PdfPCell number = new PdfPCell(new Phrase(page == null ? "" : String.valueOf(page), font));
            number.setHorizontalAlignment(Element.ALIGN_RIGHT);
            for (PdfPCell cell : new PdfPCell[] {name, number}) {
                cell.setBorder(Rectangle.NO_BORDER);
                cell.setPaddingBottom(3);
                table.addCell(cell);
            }
        }

        /** A heading that is a link target, an entry of the outline and a page recorded for the index. */
        private Paragraph heading(String title, Font font, String anchor, int level) {
            Chunk chunk = new Chunk(title, font);
            if (anchor != null) {
                chunk.setLocalDestination(anchor);
                chunk.setGenericTag(anchor + "|" + title);
            }
            Paragraph heading = new Paragraph(chunk);
            heading.setSpacingBefore(level == 2 ? 14 : 0);
            heading.setSpacingAfter(8);
            // Parts, the index, the approval and the annexes are H1; sections H2; questions H3.
            return tags.role(heading, level == 2 ? TaggedDocument.H2 : TaggedDocument.H1);
        }

        private void sections(Document document) throws DocumentException {
            for (PartDefinition part : content.overview().questionnaire().parts()) {
                // A part starts a new page only when less than a third of this one is left.
                keepRoom(document, (document.top() - document.bottom()) / 3);
                Paragraph heading = heading(text("pdf.part", part.number(), part.title()), h2, "part-" + part.number(), 1);
                heading.setSpacingBefore(18);
                document.add(heading);
                for (SectionDefinition section : part.sections()) {
                    section(document, section);
                }
            }
            document.newPage();
        }

        private void section(Document document, SectionDefinition section) throws DocumentException {
            SectionContent stored = content.document().contents().get(section.number());
            keepRoom(document, 160);
            document.add(heading(text("pdf.section", section.number(), section.title()), h3,
                    "section-" + section.number(), 2));
            for (QuestionDefinition q : section.questions()) {
                AnswerContent answer = stored.answer(q.id());
                // The question with the first lines of its answer on one page: a new page when little room is left.
                // (Paragraph.setKeepTogether would do it, but its table wrapper writes an unembedded font.)
                keepRoom(document, 110);
                Paragraph head = new Paragraph("", body);
                head.setSpacingBefore(8);
                head.add(new Chunk(q.code() + "  ", new Font(baseBold, 11f, Font.NORMAL, BLUE)));
                head.add(new Chunk(q.text(), question));
                document.add(tags.role(head, TaggedDocument.H3));
                // The choice and its motivation read as one answer, as on paper: "Sì. Tutti gli obiettivi…".
                String choice = q.kind().isChoice() && answer.choice() != null
                        ? q.option(answer.choice()).map(o -> o.label()).orElse(answer.choice()) : null;
                String motivation = blank(answer.motivation()) ? null : answer.motivation().strip();
                if (choice == null && motivation == null) {
                    document.add(new Paragraph(text("pdf.noAnswer"), small));
                } else {
                    Paragraph given = new Paragraph("", body);
                    given.setLeading(14.5f);
                    given.setSpacingBefore(2);
                    Font chosen = new Font(baseSemibold, 10.5f, Font.NORMAL, INK);
                    String rest = motivation;
                    if (choice != null && motivation != null && startsWithWord(motivation, choice)) {
                        // "Sì, tutti gli obiettivi…": the motivation already opens with the answer.
                        given.add(new Chunk(motivation.substring(0, choice.length()), chosen));
                        rest = motivation.substring(choice.length());
                    } else if (choice != null) {
                        given.add(new Chunk(motivation == null ? choice : choice + ". ", chosen));
                    }
                    shaped(document, given, rest);
                }
                // In the template's order: the Esempio box, then the Specificare list, unless it says otherwise.
                if (q.listFirst()) {
                    list(document, q, answer);
                }
                if (q.hasExamples()) {
                    block(document, q.examplesLabel(), answer.examples());
                }
                if (!q.listFirst()) {
                    list(document, q, answer);
                }
            }
            if (section.hasTextField()) {
                // The template has no label over the section's own text: the text follows the heading.
                if (blank(stored.body())) {
                    document.add(new Paragraph(text("pdf.noAnswer"), small));
                } else {
                    Paragraph lead = new Paragraph("", body);
                    lead.setSpacingBefore(6);
                    shaped(document, lead, stored.body());
                }
            }
            if (section.hasAnnotations()) {
                block(document, text("section.field.annotations"), stored.annotations());
            }
            block(document, text("section.field.variations"), stored.variations());
        }

        private void list(Document document, QuestionDefinition q, AnswerContent answer) throws DocumentException {
            if (!q.hasList() || answer.entries().isEmpty()) {
                return;
            }
            Paragraph list = new Paragraph(q.listLabel(), label);
            list.setSpacingBefore(4);
            document.add(list);
            tags.begin(TaggedDocument.L);
            for (String entry : answer.entries()) {
                Paragraph item = new Paragraph("•  " + entry, body);
                item.setIndentationLeft(10);
                tags.item(item);
            }
            tags.end();
        }

        /** Whether the text opens with the word, then a space or punctuation ("Sì, tutti…" opens with "Sì"). */
        private static boolean startsWithWord(String text, String word) {
            return text.regionMatches(true, 0, word, 0, word.length())
                    && (text.length() == word.length() || !Character.isLetterOrDigit(text.charAt(word.length())));
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        /** Starts a new page unless at least {@code points} are left on this one. */
        private void keepRoom(Document document, float points) {
            if (writer.getVerticalPosition(true) - document.bottom() < points) {
                document.newPage();
            }
        }

        /** A label and a possibly long text, which breaks across pages line by line. */
        private void block(Document document, String title, String value) throws DocumentException {
            if (blank(value)) {
                return; // nothing written: no label over a dash
            }
            Paragraph name = new Paragraph(title, label);
            name.setSpacingBefore(4);
            document.add(name);
            shaped(document, null, value.strip());
        }

        /** A list item as people type it: "- ", "• ", "a) ", "1. " or "1) " at the start of a line. */
        private static final java.util.regex.Pattern ITEM =
                java.util.regex.Pattern.compile("^\\s*(?:([-•–*])|([a-zA-Z]\\)|\\d{1,2}[.)]))\\s+(.*)$");

        /**
         * A text with the shape it was written in: paragraphs (blank lines) stay paragraphs, line breaks stay,
         * and lines that start like list items are set as an indented list (dashes become bullets, "a)" and
         * "1." are kept). {@code lead}, if given, opens the first paragraph (the answer's choice).
         */
        private void shaped(Document document, Paragraph lead, String text) throws DocumentException {
            Paragraph current = lead;
            boolean first = true;
            boolean inList = false;
            if (text != null) {
                for (String block : text.strip().split("\\n\\s*\\n")) {
                    StringBuilder run = new StringBuilder();
                    for (String line : block.split("\\n")) {
                        java.util.regex.Matcher item = ITEM.matcher(line);
                        if (item.matches()) {
                            current = flush(document, current, run, first);
                            first = false;
                            String marker = item.group(1) != null ? "•" : item.group(2);
                            Paragraph entry = new Paragraph(marker + "  " + item.group(3).strip(), body);
                            entry.setLeading(14.5f);
                            entry.setIndentationLeft(12);
                            entry.setFirstLineIndent(0);
                            if (!inList) {
                                tags.begin(TaggedDocument.L);
                                inList = true;
                            }
                            tags.item(entry);
                        } else {
                            if (inList) {
                                tags.end();
                                inList = false;
                            }
                            if (!run.isEmpty()) {
                                run.append('\n');
                            }
                            run.append(line.strip());
                        }
                    }
                    current = flush(document, current, run, first);
                    first = false;
                    if (inList) {
                        tags.end();
                        inList = false;
                    }
                }
            }
            if (current != null) {
                document.add(current);
            }
        }

        /** Adds the text gathered so far as a paragraph (into {@code lead} the first time); returns what is left. */
        private Paragraph flush(Document document, Paragraph lead, StringBuilder run, boolean first)
                throws DocumentException {
            if (run.isEmpty()) {
                if (lead != null) {
                    document.add(lead);
                }
                return null;
            }
            Paragraph paragraph = lead != null ? lead : new Paragraph("", body);
            paragraph.add(new Chunk(run.toString(), body));
            paragraph.setLeading(14.5f);
            if (!first && lead == null) {
                paragraph.setSpacingBefore(5);
            }
            document.add(paragraph);
            run.setLength(0);
            return null;
        }

        /**
         * Who approved the report and when, with a line under each name for the member's digital signature;
         * a draft shows the same block, not yet approved.
         */
        private void approvalBlock(Document document) throws DocumentException {
            keepRoom(document, 220);
            document.add(heading(text("pdf.approval"), h2, "approval", 1));
            String lead = content.approvedAt() == null ? text("pdf.approval.notYet")
                    : text("pdf.approval.approved", Dates.date(content.approvedAt()));
            Paragraph intro = new Paragraph(lead, body);
            intro.setSpacingAfter(4);
            document.add(intro);
            String seat = content.administration().seat();
            if (seat != null && !seat.isBlank()) {
                document.add(new Paragraph(text("pdf.approval.place", seat), body));
            }
            boolean single = content.administration().composition() == it.oivreport.administration.OivComposition.MONOCRATICO;
            PdfPTable table = new PdfPTable(new float[] {3.2f, 1.6f, 2.2f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(10);
            table.setHeaderRows(1);
            for (String header : List.of(text("pdf.approval.member"), text("pdf.approval.role"), text("pdf.approval.date"))) {
                PdfPCell cell = padded(new PdfPCell(new Phrase(header, label)));
                cell.setBackgroundColor(new Color(0xf2, 0xf4, 0xf7));
                table.addCell(cell);
            }
            if (content.approvers().isEmpty()) {
                PdfPCell none = padded(new PdfPCell(new Phrase(text("pdf.approval.noMembers"), body)));
                none.setColspan(3);
                table.addCell(none);
            }
            for (Approver approver : content.approvers()) {
                Paragraph who = new Paragraph(approver.fullName(), question);
                if (approver.approvedAt() != null) {
                    who.add(new Chunk("\n" + text("pdf.approval.signed"), small));
                }
                PdfPCell name = padded(new PdfPCell());
                name.addElement(who);
                table.addCell(name);
                table.addCell(padded(new PdfPCell(new Phrase(single ? text("pdf.approval.single")
                        : approver.president() ? text("pdf.approval.president") : text("pdf.approval.memberRole"), body))));
                table.addCell(padded(new PdfPCell(new Phrase(approver.approvedAt() == null ? text("pdf.approval.pending")
                        : Dates.dateTime(approver.approvedAt()), body))));
            }
            tags.table(table, null);
            document.newPage();
        }

        private void variationsAnnex(Document document) throws DocumentException {
            if (content.comparison().isEmpty()) {
                return;
            }
            ReportComparison comparison = content.comparison().get();
            document.add(heading(text("pdf.annex.variations"), h2, "annex-variations", 1));
            Map<ChangeClass, Long> counts = comparison.counts();
            document.add(new Paragraph(text("pdf.variations.against", comparison.previous().year(),
                    text("report.status." + comparison.previous().status())), body));
            document.add(new Paragraph(text("comparison.counts", counts.get(ChangeClass.INVARIATA),
                    counts.get(ChangeClass.MODIFICATA), counts.get(ChangeClass.NUOVA),
                    counts.get(ChangeClass.NON_PIU_PRESENTE), counts.get(ChangeClass.DA_CONFERMARE)), label));
            PdfPTable table = new PdfPTable(new float[] {1.15f, 1.6f, 5.65f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(10);
            table.setHeaderRows(1);
            for (String header : List.of(text("pdf.variations.question"), text("pdf.variations.class"),
                    text("pdf.variations.what"))) {
                PdfPCell cell = padded(new PdfPCell(new Phrase(header, label)));
                cell.setBackgroundColor(new Color(0xf2, 0xf4, 0xf7));
                table.addCell(cell);
            }
            for (ReportComparison.SectionComparison section : comparison.sections()) {
                for (QuestionComparison q : section.questions()) {
                    if (q.changeClass() != ChangeClass.INVARIATA) {
                        row(table, q);
                    }
                }
                // The section's own texts, then "Nessuna variazione" kept on purpose, with its reason.
                for (QuestionComparison t : section.texts()) {
                    if (t.changeClass() != ChangeClass.INVARIATA) {
                        textRow(table, section.number(), t);
                    }
                }
                if (section.noChangeOverride() != null) {
                    var override = section.noChangeOverride();
                    table.addCell(padded(new PdfPCell(new Phrase(text("pdf.section.short", section.number()), body))));
                    table.addCell(padded(new PdfPCell(new Phrase(text("pdf.variations.override"), body))));
                    table.addCell(padded(new PdfPCell(new Phrase(text("section.noChange.recorded", content.fullName(override.by()),
                            Dates.dateTime(override.at()), override.reason()), body))));
                }
            }
            comparison.removed().forEach(q -> row(table, q));
            tags.table(table, null);
            document.newPage();
        }

        private void row(PdfPTable table, QuestionComparison q) {
            table.getDefaultCell().setPadding(4);
            table.addCell(padded(new PdfPCell(new Phrase(q.code(), body))));
            table.addCell(padded(new PdfPCell(new Phrase(text("comparison.class." + q.changeClass()), body))));
            List<String> what = new java.util.ArrayList<>();
            if (q.choiceChanged() && q.changeClass() == ChangeClass.MODIFICATA) {
                what.add(text("comparison.proposal.choice", q.previousChoice() == null ? "—" : q.previousChoice(),
                        q.currentChoice() == null ? "—" : q.currentChoice()));
            }
            if (!q.addedEntries().isEmpty()) {
                what.add(text("comparison.proposal.added", quoted(q.addedEntries())));
            }
            if (!q.removedEntries().isEmpty() && q.changeClass() == ChangeClass.MODIFICATA) {
                what.add(text("comparison.proposal.removed", quoted(q.removedEntries())));
            }
            if (q.motivationChanged() && q.changeClass() == ChangeClass.MODIFICATA) {
                what.add(text("comparison.proposal.motivation"));
            }
            if (q.examplesChanged() && q.changeClass() == ChangeClass.MODIFICATA) {
                what.add(text("comparison.proposal.examples"));
            }
            table.addCell(padded(new PdfPCell(new Phrase(what.isEmpty() ? q.text() : String.join("; ", what), body))));
        }

        private void textRow(PdfPTable table, int sectionNumber, QuestionComparison t) {
            table.addCell(padded(new PdfPCell(new Phrase(text("pdf.section.short", sectionNumber), body))));
            table.addCell(padded(new PdfPCell(new Phrase(text("comparison.class." + t.changeClass()), body))));
            String what = switch (t.changeClass()) {
                case NUOVA -> text("comparison.proposal.text.new", t.text());
                case MODIFICATA -> text(t.motivationDiff().stream().allMatch(d -> d.kind() == TextDiff.Kind.DELETED)
                        ? "comparison.proposal.text.removed" : "comparison.proposal.text.changed", t.text());
                default -> t.text();
            };
            table.addCell(padded(new PdfPCell(new Phrase(what, body))));
        }

        private static PdfPCell padded(PdfPCell cell) {
            cell.setPadding(4);
            cell.setPaddingBottom(6);
            cell.setBorderColor(RULE);
            return cell;
        }

        private static String quoted(List<String> entries) {
            return String.join(", ", entries.stream().map(e -> "«" + e + "»").toList());
        }

        private void evidenceAnnex(Document document) throws DocumentException {
            document.add(heading(text("pdf.annex.evidence"), h2, "annex-evidence", 1));
            if (content.evidence().isEmpty()) {
                document.add(new Paragraph(text("pdf.evidence.none"), body));
                return;
            }
            document.add(new Paragraph(text("pdf.evidence.lead"), small));
            PdfPTable table = annexTable(new float[] {0.9f, 5f}, text("pdf.evidence.where"), text("pdf.evidence.file"));
            for (EvidenceView e : content.evidence()) {
                PdfPCell where = new PdfPCell(new Phrase(e.questionCode() != null ? e.questionCode()
                        : text("pdf.section.short", e.sectionNumber()), body));
                Paragraph about = new Paragraph("", body);
                about.add(new Chunk(e.fileName(), question));
                about.add(new Chunk("\n", body));
                about.add(new Chunk(text("pdf.evidence.meta", ByteSizes.format(e.size(), LANGUAGE), e.uploadedBy(),
                        Dates.dateTime(e.uploadedAt())), small));
                about.add(new Chunk("\n", body));
                about.add(new Chunk("SHA-256 " + e.sha256(), new Font(base, 8f, Font.NORMAL, INK)));
                PdfPCell cell = new PdfPCell();
                cell.addElement(about);
                annexRow(table, where, cell);
            }
            tags.table(table, null);
        }

        /** An annex's table: full width, its header row repeated on every page, rules under the rows. */
        private PdfPTable annexTable(float[] widths, String... headers) {
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            table.setHeaderRows(1);
            annexRow(table, java.util.Arrays.stream(headers).map(h -> new PdfPCell(new Phrase(h, label)))
                    .toArray(PdfPCell[]::new));
            return table;
        }

        private static void annexRow(PdfPTable table, PdfPCell... cells) {
            for (PdfPCell cell : cells) {
                cell.setBorder(Rectangle.BOTTOM);
                cell.setBorderColor(RULE);
                cell.setPaddingBottom(6);
                table.addCell(cell);
            }
        }

        /**
         * The review's history (issue 18): every step from the first submission to the signature, oldest
         * first, with who took it and the comment given. The answers' own history stays in the product.
         */
        private void workflowAnnex(Document document) throws DocumentException {
            if (content.workflowHistory().isEmpty()) {
                return;
            }
            document.add(heading(text("pdf.annex.workflow"), h2, "annex-workflow", 1));
            document.add(new Paragraph(text("pdf.annex.workflow.lead"), small));
            PdfPTable table = annexTable(new float[] {1.7f, 1.6f, 2.1f, 2.4f}, text("pdf.annex.workflow.when"),
                    text("pdf.annex.workflow.who"), text("pdf.annex.workflow.what"), text("pdf.annex.workflow.comment"));
            for (it.oivreport.review.WorkflowView.TransitionView step : content.workflowHistory()) {
                String what = step.from() == ReportStatus.IN_REVISIONE && step.to() == ReportStatus.IN_REVISIONE
                        ? text("pdf.annex.workflow.approval") : capitalized(text("audit.workflow." + step.from().name()
                                + "_TO_" + step.to().name()));
                annexRow(table, new PdfPCell(new Phrase(Dates.dateTime(step.happenedAt()), body)),
                        new PdfPCell(new Phrase(step.actor(), body)), new PdfPCell(new Phrase(what, body)),
                        new PdfPCell(new Phrase(step.comment() == null ? "" : step.comment(), small)));
            }
            tags.table(table, null);
        }

        private static String capitalized(String text) {
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        /** An imported report's annex: the document it was read from, which the fingerprint identifies. */
        private void sourceAnnex(Document document) throws DocumentException {
            SourceDocuments.SourceDocument source = content.source();
            if (source == null) {
                return;
            }
            document.add(heading(text("pdf.annex.source"), h2, "annex-source", 1));
            document.add(new Paragraph(text("pdf.source.lead"), body));
            Paragraph about = new Paragraph("", body);
            about.setSpacingBefore(8);
            about.add(new Chunk(source.fileName(), question));
            about.add(new Chunk("\n", body));
            about.add(new Chunk(text("pdf.source.meta", ByteSizes.format(source.size(), LANGUAGE),
                    Dates.dateTime(source.uploadedAt())), small));
            about.add(new Chunk("\n", body));
            about.add(new Chunk("SHA-256 " + source.sha256(), new Font(base, 8f, Font.NORMAL, INK)));
            document.add(about);
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onStartPage(PdfWriter writer, Document document) {
            if (content.draft()) {
                // Under the text and opaque (PDF/A allows no transparency): a pale word across the page.
                PdfContentByte under = writer.getDirectContentUnder();
                TaggedDocument.artifact(under);
                under.beginText();
                under.setFontAndSize(baseBold, 110);
                under.setColorFill(WATERMARK);
                under.showTextAligned(Element.ALIGN_CENTER, text("pdf.draft"), PageSize.A4.getWidth() / 2,
                        PageSize.A4.getHeight() / 2 - 40, 55);
                under.endText();
                under.endMarkedContentSequence();
            }
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            int page = writer.getPageNumber();
            PdfContentByte canvas = writer.getDirectContent();
            TaggedDocument.artifact(canvas);
            if (page > 1) {
                ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(text("pdf.header",
                        content.administration().name(), content.overview().year()), small), 56, PageSize.A4.getHeight() - 40, 0);
            }
            String prefix = text("pdf.page", page) + " ";
            float x = PageSize.A4.getWidth() - 56 - base.getWidthPoint(prefix, 8.5f) - 20;
            canvas.beginText();
            canvas.setFontAndSize(base, 8.5f);
            canvas.setColorFill(GREY);
            canvas.setTextMatrix(x, 36);
            canvas.showText(prefix);
            canvas.endText();
            canvas.addTemplate(total, x + base.getWidthPoint(prefix, 8.5f), 36);
            canvas.endMarkedContentSequence();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(base, 8.5f);
            total.setColorFill(GREY);
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }

        /** Headings tell where they landed: for the index and for the outline. */
        @Override
        public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String tag) {
            String[] parts = tag.split("\\|", 2);
            String anchor = parts[0];
            if (!outlined.add(anchor)) {
                return; // a heading split over two lines reports twice
            }
            foundPages.put(anchor, writer.getPageNumber());
            PdfOutline parent = writer.getRootOutline();
            if (anchor.startsWith("section-")) {
                int number = Integer.parseInt(anchor.substring("section-".length()));
                int part = content.overview().questionnaire().section(number).map(SectionDefinition::partNumber).orElse(0);
                parent = partOutlines.getOrDefault(part, parent);
            }
            PdfOutline outline = new PdfOutline(parent, new PdfDestination(PdfDestination.FITH, rect.getTop() + 20),
                    parts[1], true);
            if (anchor.startsWith("part-")) {
                partOutlines.put(Integer.parseInt(anchor.substring("part-".length())), outline);
            }
        }
    }
}
