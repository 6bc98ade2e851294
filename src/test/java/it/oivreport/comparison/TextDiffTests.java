package it.oivreport.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import it.oivreport.comparison.TextDiff.Kind;
import it.oivreport.comparison.TextDiff.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTests {

    @Test
    void findsChangedWordsAndKeepsAccentsAndPunctuation() {
        List<Segment> diff = TextDiff.between("Sì, tutti gli obiettivi sono pertinenti.",
                "Sì, quasi tutti gli obiettivi sono pertinenti; l’ente è coerente.");
        assertThat(diff).containsExactly(
                new Segment(Kind.SAME, "Sì, "),
                new Segment(Kind.INSERTED, "quasi "),
                new Segment(Kind.SAME, "tutti gli obiettivi sono pertinenti"),
                new Segment(Kind.DELETED, "."),
                new Segment(Kind.INSERTED, "; l’ente è coerente."));
    }

    @Test
    void rebuildsBothTextsExactly() {
        String before = "L'Area Promozione invita «tutte» le associazioni.\nSeconda riga.";
        String after = "L'Area Promozione consulta «tutte» le associazioni di categoria.\nSeconda riga!";
        List<Segment> diff = TextDiff.between(before, after);
        assertThat(join(diff, Kind.INSERTED)).isEqualTo(before);
        assertThat(join(diff, Kind.DELETED)).isEqualTo(after);
    }

    @Test
    void aRunOfReplacedWordsIsOneDeletionAndOneInsertion() {
        List<Segment> diff = TextDiff.between("il programma e gli indirizzi programmatici",
                "il programma anche dopo l'emergenza");
        assertThat(diff).containsExactly(
                new Segment(Kind.SAME, "il programma "),
                new Segment(Kind.DELETED, "e gli indirizzi programmatici"),
                new Segment(Kind.INSERTED, "anche dopo l'emergenza"));
    }

    @Test
    void emptyAndMissingTexts() {
        assertThat(TextDiff.between(null, null)).isEmpty();
        assertThat(TextDiff.between(null, "Nuovo testo")).containsExactly(new Segment(Kind.INSERTED, "Nuovo testo"));
        assertThat(TextDiff.between("Vecchio", "")).containsExactly(new Segment(Kind.DELETED, "Vecchio"));
    }

    /** The text without the segments of the given kind. */
    private static String join(List<Segment> diff, Kind without) {
        StringBuilder text = new StringBuilder();
        diff.stream().filter(s -> s.kind() != without).forEach(s -> text.append(s.text()));
        return text.toString();
    }
}
