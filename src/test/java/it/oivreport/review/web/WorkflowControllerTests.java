package it.oivreport.review.web;

import static it.oivreport.account.AccountFixtures.oivMember;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import it.oivreport.account.SecurityTestSupport;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.ReportAccess.Access;
import it.oivreport.report.ReportFixtures;
import it.oivreport.report.ReportStatus;
import it.oivreport.review.Comments;
import it.oivreport.review.Workflow;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Open osservazioni are shown before a report is sent for review or approved; confirming goes ahead. */
@WebMvcTest(WorkflowController.class)
@Import(SecurityTestSupport.class)
class WorkflowControllerTests {

    static final Access DRAFT = ReportFixtures.oivAccess(7, ReportStatus.BOZZA);
    static final Access IN_REVIEW = ReportFixtures.oivAccess(8, ReportStatus.IN_REVISIONE);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Workflow workflow;

    @MockitoBean
    ReportAccess access;

    @MockitoBean
    Comments comments;

    @BeforeEach
    void reports() {
        given(access.of(eq(7L), any())).willReturn(DRAFT);
        given(access.of(eq(8L), any())).willReturn(IN_REVIEW);
    }

    @Test
    void openCommentsAreShownBeforeSendingForReviewAndNothingIsSent() throws Exception {
        given(comments.openBySection(DRAFT)).willReturn(Map.of(2, 1L, 7, 2L));
        mvc.perform(post("/reports/7/workflow/submit").param("version", "3").with(csrf()).with(user(oivMember())))
                .andExpect(redirectedUrl("/reports/7#workflow-title"))
                .andExpect(flash().attribute("openWarning", new WorkflowController.OpenWarning("submit",
                        new java.util.TreeMap<>(Map.of(2, 1L, 7, 2L)), 3)));
        verify(workflow, never()).submit(any(), anyLong());

        mvc.perform(post("/reports/7/workflow/submit").param("version", "3").param("despiteOpen", "true")
                        .with(csrf()).with(user(oivMember())))
                .andExpect(redirectedUrl("/reports/7"))
                .andExpect(flash().attribute("workflowDone", "workflow.done.submit"));
        verify(workflow).submit(DRAFT, 3);
    }

    @Test
    void openCommentsAreShownBeforeApprovingAndNoneMeansNoQuestion() throws Exception {
        given(comments.openBySection(IN_REVIEW)).willReturn(Map.of(4, 1L));
        mvc.perform(post("/reports/8/workflow/approve").param("version", "5").with(csrf()).with(user(oivMember())))
                .andExpect(redirectedUrl("/reports/8#workflow-title"));
        verify(workflow, never()).approve(any(), anyLong());

        given(comments.openBySection(IN_REVIEW)).willReturn(Map.of());
        mvc.perform(post("/reports/8/workflow/approve").param("version", "5").with(csrf()).with(user(oivMember())))
                .andExpect(redirectedUrl("/reports/8"))
                .andExpect(flash().attribute("workflowDone", "workflow.done.approve"));
        verify(workflow).approve(IN_REVIEW, 5);
    }
}
