package it.oivreport.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.administration.Administrations;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.Reports;
import it.oivreport.shared.web.NotFoundException;
import it.oivreport.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Osservazioni on the demo reports of the Camera di Commercio di Brescia. */
@IntegrationTest
class CommentsTests {

    @Autowired
    Comments comments;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    Administrations administrations;

    @Autowired
    UserDetailsService users;

    @Test
    void staffCommentOnAQuestionAndAMemberResolvesIt() {
        Access staff = on(2021, "staff");
        comments.add(staff, 6, "6.3", "Allegare l'estrazione dal sistema XAC.");
        comments.add(staff, 6, null, "Sezione da rileggere.");

        Map<String, List<CommentView>> section = comments.ofSection(on(2021, "oiv"), 6);
        CommentView onQuestion = section.get("6.3").get(section.get("6.3").size() - 1);
        assertThat(onQuestion.author()).isEqualTo("Laura Conti");
        assertThat(onQuestion.body()).isEqualTo("Allegare l'estrazione dal sistema XAC.");
        assertThat(section.get("")).extracting(CommentView::body).contains("Sezione da rileggere.");
        long openBefore = comments.openBySection(on(2021, "oiv")).get(6);

        assertThat(comments.resolve(on(2021, "oiv"), onQuestion.id())).isEqualTo(6);
        assertThat(comments.openBySection(on(2021, "oiv")).get(6)).isEqualTo(openBefore - 1);
        CommentView resolved = comments.ofSection(on(2021, "staff"), 6).get("6.3").stream()
                .filter(c -> c.id() == onQuestion.id()).findFirst().orElseThrow();
        assertThat(resolved.resolvedBy()).isEqualTo("Marco Bianchi");
    }

    @Test
    void refusedWhenEmptyOnAnApprovedReportOrByAnAdministrator() {
        assertThatThrownBy(() -> comments.add(on(2021, "oiv"), 1, "1.1", "  "))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.messageKey()).isEqualTo("comment.empty"));
        assertThatThrownBy(() -> comments.add(on(2020, "oiv"), 1, "1.1", "Troppo tardi"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.messageKey()).isEqualTo("comment.notAllowed"));
        assertThatThrownBy(() -> comments.add(on(2021, "admin"), 1, "1.1", "Da amministratore"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.messageKey()).isEqualTo("comment.notAllowed"));
        assertThatThrownBy(() -> comments.add(on(2021, "oiv"), 1, "9.9", "Quesito inesistente"))
                .isInstanceOf(NotFoundException.class);
    }

    private Access on(int year, String username) {
        long brescia = administrations.findByName("Camera di Commercio di Brescia").orElseThrow().id();
        return access.of(reports.findId(brescia, year).orElseThrow(),
                (AccountPrincipal) users.loadUserByUsername(username));
    }
}
