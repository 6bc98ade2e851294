package it.oivreport.shared.web;

import static it.oivreport.account.AccountFixtures.oivMember;
import static it.oivreport.account.AccountFixtures.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.oivreport.account.SecurityTestSupport;
import it.oivreport.shared.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One advice renders every refusal: back on the form's page, as JSON, or as the error page. */
@WebMvcTest(RefusalAdviceTests.Refusing.class)
@Import({SecurityTestSupport.class, RefusalAdviceTests.Refusing.class})
@ExtendWith(OutputCaptureExtension.class)
class RefusalAdviceTests {

    @Controller
    static class Refusing {

        @PostMapping("/test/{reportId}/comment")
        @OnRefusal(redirect = "/test/{reportId}/page#q-{questionCode}", panel = "comment", target = "questionCode",
                keep = "body")
        String comment(@PathVariable long reportId, @RequestParam String questionCode, @RequestParam String body) {
            throw Refusal.conflict("comment.notAllowed");
        }

        @PostMapping("/test/forbidden")
        @OnRefusal(redirect = "/test/page", panel = "page")
        String forbidden() {
            throw new Refusal(HttpStatus.FORBIDDEN, "evidence.notAllowed");
        }

        @PostMapping(path = "/test/json", produces = "application/json")
        Object json() {
            throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.fileTooLarge", "grande.pdf", 25);
        }

        @PostMapping("/test/page")
        String page() {
            throw Refusal.badRequest("form.invalid");
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aFormGoesBackToItsPageWithTheMessageAndWhatWasTyped(CapturedOutput log) throws Exception {
        MvcResult result = mvc.perform(post("/test/7/comment").param("questionCode", "2.3").param("body", "Il mio testo")
                        .with(csrf()).with(user(oivMember())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/test/7/page#q-2.3"))
                .andReturn();
        assertThat(result.getFlashMap().get(RefusalNotice.ATTRIBUTE)).isInstanceOfSatisfying(RefusalNotice.class, n -> {
            assertThat(n.isFor("comment", "2.3")).isTrue();
            assertThat(n.isFor("comment", "2.4")).isFalse();
            assertThat(n.status()).isEqualTo(409);
            assertThat(n.messageKey()).isEqualTo("comment.notAllowed");
            assertThat(n.kept("body")).isEqualTo("Il mio testo");
        });
        assertThat(log.getOut()).contains("INFO").contains("Refused POST /test/7/comment: comment.notAllowed (409)")
                .doesNotContain("ERROR").doesNotContain("\tat it.oivreport");
    }

    @Test
    void notAllowedAtAllKeepsItsStatusAndPage() throws Exception {
        mvc.perform(post("/test/forbidden").with(csrf()).with(user(staff())))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Puoi allegare evidenze solo ai rapporti in bozza")));
    }

    @Test
    void aJsonClientGetsTheMessageAsJson() throws Exception {
        mvc.perform(post("/test/json").with(csrf()).with(user(staff())))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.message").value("Il file «grande.pdf» supera il limite di 25 MB per file."));
    }

    @Test
    void withNowhereToGoBackItIsTheErrorPageWithItsOwnMessage() throws Exception {
        mvc.perform(post("/test/page").with(csrf()).with(user(oivMember())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Richiesta non valida")))
                .andExpect(content().string(containsString("Il modulo inviato non è valido")));
    }
}
