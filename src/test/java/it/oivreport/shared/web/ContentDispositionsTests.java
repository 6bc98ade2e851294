package it.oivreport.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionsTests {

    @Test
    void asciiFallbackAndExactUtf8Name() {
        assertThat(ContentDispositions.of(false, "Relazione è più \"finale\".pdf")).isEqualTo(
                "attachment; filename=\"Relazione e piu _finale_.pdf\"; "
                        + "filename*=UTF-8''Relazione%20%C3%A8%20pi%C3%B9%20%22finale%22.pdf");
    }

    @Test
    void inlineForPreviews() {
        assertThat(ContentDispositions.of(true, "grafico.png"))
                .isEqualTo("inline; filename=\"grafico.png\"; filename*=UTF-8''grafico.png");
    }

    @Test
    void nothingCanBreakOutOfTheHeader() {
        String header = ContentDispositions.of(false, "a\";b%0d;c\\.txt");
        assertThat(header).startsWith("attachment; filename=\"a__b_0d_c_.txt\"; filename*=UTF-8''a%22%3Bb%250d%3Bc%5C.txt");
    }
}
