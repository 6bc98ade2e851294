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
    void aBrowsersLineBreaksAreTheSameBreaks() {
        assertThat(TextDiff.between("Prima riga.\nSeconda riga.", "Prima riga.\r\nSeconda riga."))
                .isNotEmpty().allMatch(segment -> segment.kind() == Kind.SAME);
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

    @Test
    void tokensAreWordsSpacesAndSingleSigns() {
        assertThat(TextDiff.tokens("Più del 50%,  l’ente²\n«ok»")).containsExactly(
                "Più ", "del ", "50", "%", ",  ", "l", "’", "ente²\n", "«", "ok", "»");
        assertThat(TextDiff.tokens("  rientro")).containsExactly("  ", "rientro");
    }

    @Test
    void sentencesEndAtPunctuationAndLineBreaks() {
        assertThat(TextDiff.sentences("Primo punto; secondo. Terzo\n\nquarto senza fine"))
                .containsExactly("Primo punto;", " secondo.", " Terzo\n\n", "quarto senza fine");
        assertThat(TextDiff.sentences(null)).isEmpty();
    }

    @Test
    void onlyTheChangedSentenceIsDiffedWordByWord() {
        List<Segment> diff = TextDiff.between("Uno due tre. Quattro cinque sei. Sette otto.",
                "Uno due tre. Quattro sei cinque. Sette otto.");
        assertThat(diff).containsExactly(
                new Segment(Kind.SAME, "Uno due tre. Quattro "),
                new Segment(Kind.DELETED, "cinque sei"),
                new Segment(Kind.INSERTED, "sei cinque"),
                new Segment(Kind.SAME, ". Sette otto."));
    }

    @Test
    void aRewrittenSentenceIsShownAsReplacedNotWordByWord() {
        List<Segment> diff = TextDiff.between("Il Piano è adottato. Le schede sono pubblicate sul sito.",
                "Il Piano è adottato. Nessun obiettivo individuale viene assegnato ai dirigenti.");
        assertThat(diff).containsExactly(
                new Segment(Kind.SAME, "Il Piano è adottato."),
                new Segment(Kind.DELETED, " Le schede sono pubblicate sul sito."),
                new Segment(Kind.INSERTED, " Nessun obiettivo individuale viene assegnato ai dirigenti."));
    }

    /** The text without the segments of the given kind. */
    private static String join(List<Segment> diff, Kind without) {
        StringBuilder text = new StringBuilder();
        diff.stream().filter(s -> s.kind() != without).forEach(s -> text.append(s.text()));
        return text.toString();
    }
}
