package it.oivreport.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiffHtmlTests {

    private final DiffHtml html = new DiffHtml();

    @Test
    void marksInsertionsAndDeletionsWithHiddenLabels() {
        String out = html.render(List.of(new TextDiff.Segment(TextDiff.Kind.SAME, "Gli obiettivi "),
                new TextDiff.Segment(TextDiff.Kind.DELETED, "non "),
                new TextDiff.Segment(TextDiff.Kind.INSERTED, "più ")), "Aggiunto: ", "Tolto: ");
        assertThat(out).isEqualTo("<span>Gli obiettivi </span>"
                + "<del><span class=\"visually-hidden\">Tolto: </span><span>non </span></del>"
                + "<ins><span class=\"visually-hidden\">Aggiunto: </span><span>più </span></ins>");
    }

    @Test
    void escapesEveryTextAsThTextWould() {
        String out = html.render(List.of(new TextDiff.Segment(TextDiff.Kind.INSERTED, "<script>alert('x') & \"y\"")),
                "<b>", "x");
        assertThat(out).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;").contains("&lt;b&gt;");
    }

    @Test
    void anEmptyDifferenceIsEmpty() {
        assertThat(html.render(List.of(), "a", "b")).isEmpty();
    }
}
