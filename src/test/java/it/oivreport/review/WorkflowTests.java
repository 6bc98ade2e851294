package it.oivreport.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Memberships;
import it.oivreport.account.Role;
import it.oivreport.account.UserAccounts;
import it.oivreport.administration.AdministrationDetails;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportFixtures;
import it.oivreport.report.ReportStatus;
import it.oivreport.report.ReportViews.SectionContent;
import it.oivreport.report.Reports;
import it.oivreport.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Every transition of the review workflow, allowed and refused, on the whole application. */
@IntegrationTest
class WorkflowTests {

    @Autowired
    Workflow workflow;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    Administrations administrations;

    @Autowired
    Memberships memberships;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService users;

    String prefix;
    AccountPrincipal president;
    AccountPrincipal second;
    AccountPrincipal third;
    AccountPrincipal staff;
    AccountPrincipal admin;
    long reportId;

    @BeforeEach
    void collegialOivWithACompleteDraft() {
        prefix = UUID.randomUUID().toString().substring(0, 6);
        president = user("pres", Role.OIV);
        second = user("sec", Role.OIV);
        third = user("ter", Role.OIV);
        staff = user("sts", Role.STAFF);
        admin = (AccountPrincipal) users.loadUserByUsername("admin");
        long administration = administrations.create(new AdministrationDetails("Ente " + prefix,
                AdministrationType.ENTE_PUBBLICO_NON_ECONOMICO, null, null, OivComposition.COLLEGIALE, president.getId()));
        for (AccountPrincipal member : new AccountPrincipal[] {president, second, third}) {
            memberships.assign(member.getId(), administration, Role.OIV);
        }
        memberships.assign(staff.getId(), administration, Role.STAFF);
        reportId = reports.create(administration, 2026, president);
        ReportFixtures.fillCompletely(reports, as(president));
    }

    @Test
    void anIncompleteReportCannotGoToReviewAndSaysWhichSectionsAreMissing() {
        Access member = as(second);
        long version = reports.section(member, 9).stored().version();
        reports.saveSection(member, 9, version, new SectionContent(null, null, null, Map.of()));
        refused(() -> workflow.submit(as(second), version(second)), "workflow.incomplete");
        assertThat(refusal(() -> workflow.submit(as(second), version(second))).arguments()).containsExactly("9");
        assertThat(status()).isEqualTo(ReportStatus.BOZZA);
    }

    @Test
    void threeApprovalsOfACollegialOivApproveTheReport() {
        workflow.submit(as(second), version(second));
        assertThat(status()).isEqualTo(ReportStatus.IN_REVISIONE);

        workflow.approve(as(president), version(president));
        refused(() -> workflow.approve(as(president), version(president)), "workflow.alreadyApproved");
        workflow.approve(as(second), version(second));
        assertThat(status()).isEqualTo(ReportStatus.IN_REVISIONE);
        workflow.approve(as(third), version(third));
        assertThat(status()).isEqualTo(ReportStatus.APPROVATO);

        WorkflowView view = workflow.view(as(president));
        assertThat(view.approvals()).hasSize(3);
        assertThat(view.history()).extracting(WorkflowView.TransitionView::to).containsExactly(ReportStatus.APPROVATO,
                ReportStatus.IN_REVISIONE, ReportStatus.IN_REVISIONE, ReportStatus.IN_REVISIONE);
        assertThat(view.history().get(0).actor()).isEqualTo("Terzo " + prefix);
        assertThat(view.canReopen()).isTrue();
        assertThat(workflow.view(as(second)).canReopen()).isFalse();
    }

    @Test
    void sixApprovalsAtOnceByTheSameMemberRecordOneAndTellTheOthersItIsAlreadyApproved() throws Exception {
        workflow.submit(as(second), version(second));
        long version = version(president);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(6);
        java.util.concurrent.ExecutorService clicks = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                outcomes.add(clicks.submit(() -> {
                    together.await();
                    try {
                        workflow.approve(as(president), version);
                        return "approved";
                    } catch (WorkflowException refused) {
                        return refused.getMessage();
                    }
                }));
            }
            java.util.List<String> results = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                results.add(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS)); // no other exception
            }
            assertThat(results).containsOnlyOnce("approved");
            assertThat(results.stream().filter(r -> !r.equals("approved"))).containsOnly("workflow.alreadyApproved");
        } finally {
            clicks.shutdownNow();
        }
        assertThat(workflow.view(as(president)).approvals()).hasSize(1);
        assertThat(status()).isEqualTo(ReportStatus.IN_REVISIONE);
    }

    @Test
    void aMonocraticOivNeedsOneApproval() {
        AccountPrincipal only = user("mono", Role.OIV);
        long administration = administrations.create(new AdministrationDetails("Comune " + prefix,
                AdministrationType.COMUNE, null, null, OivComposition.MONOCRATICO, only.getId()));
        memberships.assign(only.getId(), administration, Role.OIV);
        long report = reports.create(administration, 2026, only);
        ReportFixtures.fillCompletely(reports, access.of(report, only));
        workflow.submit(access.of(report, only), reports.version(access.of(report, only)));
        workflow.approve(access.of(report, only), reports.version(access.of(report, only)));
        assertThat(access.of(report, only).status()).isEqualTo(ReportStatus.APPROVATO);
    }

    @Test
    void onlyOivMembersSubmitAndApprove() {
        refused(() -> workflow.submit(as(staff), version(staff)), "workflow.notAllowed");
        refused(() -> workflow.submit(as(admin), version(admin)), "workflow.notAllowed");
        workflow.submit(as(president), version(president));
        refused(() -> workflow.approve(as(staff), version(staff)), "workflow.notAllowed");
        refused(() -> workflow.approve(as(admin), version(admin)), "workflow.notAllowed");
        refused(() -> workflow.submit(as(president), version(president)), "workflow.notAllowed");
    }

    @Test
    void answersAreReadOnlyInReview() {
        workflow.submit(as(president), version(president));
        Access member = as(president);
        long version = reports.section(member, 1).stored().version();
        assertThatThrownBy(() -> reports.saveSection(member, 1, version, new SectionContent(null, "x", null, Map.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void changesRequestedNeedACommentAndClearTheApprovals() {
        workflow.submit(as(president), version(president));
        workflow.approve(as(president), version(president));
        refused(() -> workflow.requestChanges(as(second), version(second), "  "), "workflow.commentRequired");
        assertThat(status()).isEqualTo(ReportStatus.IN_REVISIONE);

        workflow.requestChanges(as(second), version(second), "Rivedere la sezione 7.");
        assertThat(status()).isEqualTo(ReportStatus.BOZZA);
        WorkflowView view = workflow.view(as(third));
        assertThat(view.approvals()).isEmpty();
        assertThat(view.lastChangeRequest().comment()).isEqualTo("Rivedere la sezione 7.");
        assertThat(view.lastChangeRequest().actor()).isEqualTo("Secondo " + prefix);
    }

    @Test
    void onlyThePresidentOrAnAdministratorReopensAnApprovedReportWithAReason() {
        approveAll();
        refused(() -> workflow.reopen(as(second), version(second), "motivo"), "workflow.notAllowed");
        refused(() -> workflow.reopen(as(staff), version(staff), "motivo"), "workflow.notAllowed");
        refused(() -> workflow.reopen(as(president), version(president), ""), "workflow.commentRequired");
        workflow.reopen(as(president), version(president), "Errore materiale nella sezione 2.");
        assertThat(status()).isEqualTo(ReportStatus.BOZZA);
        assertThat(workflow.view(as(president)).approvals()).isEmpty();

        approveAll();
        workflow.reopen(as(admin), version(admin), "Richiesta dell'amministrazione.");
        assertThat(status()).isEqualTo(ReportStatus.BOZZA);
    }

    @Test
    void aStalePageChangesNothing() {
        long stale = version(president);
        workflow.submit(as(president), stale);
        refused(() -> workflow.requestChanges(as(second), stale, "troppo tardi"), "workflow.stale");
        refused(() -> workflow.approve(as(second), stale), "workflow.stale");
        assertThat(status()).isEqualTo(ReportStatus.IN_REVISIONE);
        assertThat(workflow.view(as(second)).approvals()).isEmpty();
    }

    private void approveAll() {
        workflow.submit(as(president), version(president));
        for (AccountPrincipal member : new AccountPrincipal[] {president, second, third}) {
            workflow.approve(as(member), version(member));
        }
        assertThat(status()).isEqualTo(ReportStatus.APPROVATO);
    }

    private AccountPrincipal user(String name, Role role) {
        String username = name + "-" + prefix;
        String fullName = switch (name) {
            case "pres" -> "Presidente " + prefix;
            case "sec" -> "Secondo " + prefix;
            case "ter" -> "Terzo " + prefix;
            default -> "Utente " + prefix;
        };
        accounts.create(username, fullName, "una password lunga e sicura", role);
        return (AccountPrincipal) users.loadUserByUsername(username);
    }

    private Access as(AccountPrincipal user) {
        return access.of(reportId, user);
    }

    private long version(AccountPrincipal user) {
        return reports.version(as(user));
    }

    private ReportStatus status() {
        return as(president).status();
    }

    private static void refused(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.messageKey()).isEqualTo(code));
    }

    private static WorkflowException refusal(ThrowingCallable call) {
        try {
            call.call();
        } catch (WorkflowException e) {
            return e;
        } catch (Throwable other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("not refused");
    }
}
