package it.oivreport.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void keepsAnOrdinaryItalianName() {
        assertThat(FileNames.sanitize("Delibera n. 12 – Piano più «aggiornato».pdf"))
                .isEqualTo("Delibera n. 12 – Piano più «aggiornato».pdf");
    }

    @Test
    void dropsDirectoriesSentByTheBrowser() {
        assertThat(FileNames.sanitize("C:\\Users\\anna\\Documenti\\verbale.docx")).isEqualTo("verbale.docx");
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
    }

    @Test
    void replacesControlAndReservedCharacters() {
        assertThat(FileNames.sanitize("rel\u0000azione\n<finale>?.pdf")).isEqualTo("rel_azione__finale__.pdf");
        assertThat(FileNames.sanitize("a\u202Efdp.exe")).isEqualTo("a_fdp.exe");
    }

    @Test
    void protectsNamesWindowsReserves() {
        assertThat(FileNames.sanitize("CON.pdf")).isEqualTo("_CON.pdf");
        assertThat(FileNames.sanitize("lpt1.txt")).isEqualTo("_lpt1.txt");
    }

    @Test
    void hiddenAndEmptyNamesGetAName() {
        assertThat(FileNames.sanitize(".htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.sanitize("...")).isEqualTo("documento");
        assertThat(FileNames.sanitize(null)).isEqualTo("documento");
        assertThat(FileNames.sanitize("relazione. ")).isEqualTo("relazione");
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = "x".repeat(300) + ".xlsx";
        String safe = FileNames.sanitize(name);
        assertThat(safe).hasSize(255).endsWith("x.xlsx");
        assertThat(FileNames.sanitize("à".repeat(260) + ".pdf")).hasSize(255).endsWith("à.pdf");
    }
}
