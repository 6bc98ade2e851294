package it.oivreport.export;

import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.XmpWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report's XMP metadata: the document information (title, author, subject, dates) as OpenPDF writes it,
 * and the conformance the file claims: PDF/UA-1 always, PDF/A-2a (tagged) for an approved report. OpenPDF's own writer knows PDF/A-1 only. PDF/A allows a schema it does not predefine (pdfuaid)
 * only when the file declares it, hence the extension schema.
 */
final class Xmp {

    private static final String PDFUA_EXTENSION = """
            <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">\
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\
            <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">\
            <pdfaProperty:name>part</pdfaProperty:name>\
            <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\
            <pdfaProperty:category>internal</pdfaProperty:category>\
            <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\
            </rdf:li></rdf:Seq></pdfaSchema:property>\
            </rdf:li></rdf:Bag></pdfaExtension:schemas>""";

    private Xmp() {
    }

    static byte[] of(PdfWriter writer, boolean pdfa) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XmpWriter xmp = new XmpWriter(out, writer.getInfo(), PdfWriter.PDFXNONE);
            xmp.addRdfDescription("xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"", "<pdfuaid:part>1</pdfuaid:part>");
            if (pdfa) {
                xmp.addRdfDescription("xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"",
                        "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>");
                xmp.addRdfDescription("xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
                        + "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
                        + "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"", PDFUA_EXTENSION);
            }
            xmp.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
