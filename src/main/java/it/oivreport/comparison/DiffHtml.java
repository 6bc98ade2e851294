package it.oivreport.comparison;

import java.util.List;
import org.springframework.stereotype.Component;
import org.unbescape.html.HtmlEscape;

/**
 * Writes a word-level difference as HTML for the pages ({@code comparison/diff :: text}): unchanged text as
 * it is, insertions in {@code <ins>} and deletions in {@code <del>}, each with a hidden label so that colour
 * is not the only signal (WCAG 1.4.1). Every text is escaped here as th:text would. Built in Java rather than by a
 * template loop because a long, much-changed answer has thousands of segments, and rendering them one
 * expression at a time was most of a section page's CPU.
 */
@Component("diffHtml")
public class DiffHtml {

    /**
     * @param insertedLabel the hidden label before an insertion, in the page's language
     * @param deletedLabel the hidden label before a deletion
     */
    public String render(List<TextDiff.Segment> segments, String insertedLabel, String deletedLabel) {
        StringBuilder html = new StringBuilder();
        String inserted = HtmlEscape.escapeHtml4Xml(insertedLabel);
        String deleted = HtmlEscape.escapeHtml4Xml(deletedLabel);
        for (TextDiff.Segment segment : segments) {
            String text = HtmlEscape.escapeHtml4Xml(segment.text());
            switch (segment.kind()) {
                case SAME -> html.append("<span>").append(text).append("</span>");
                case INSERTED -> html.append("<ins><span class=\"visually-hidden\">").append(inserted)
                        .append("</span><span>").append(text).append("</span></ins>");
                case DELETED -> html.append("<del><span class=\"visually-hidden\">").append(deleted)
                        .append("</span><span>").append(text).append("</span></del>");
            }
        }
        return html.toString();
    }
}
