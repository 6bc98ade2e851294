package it.oivreport.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class UsernameLoggingFilterTests {

    private final List<String> seen = new ArrayList<>();
    private final FilterChain recordingChain = (request, response) -> seen.add(MDC.get(UsernameLoggingFilter.MDC_KEY));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void logLinesDuringTheRequestCarryTheUsername() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "mario.rossi", null, AuthorityUtils.createAuthorityList("ROLE_OIV")));
        new UsernameLoggingFilter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), recordingChain);
        assertThat(seen).containsExactly("mario.rossi");
        assertThat(MDC.get(UsernameLoggingFilter.MDC_KEY)).as("cleared after the request").isNull();
    }

    @Test
    void aFailedRequestKeepsTheUserForTheContainersErrorLineUntilTheRequestEnds() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "mario.rossi", null, AuthorityUtils.createAuthorityList("ROLE_OIV")));
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("guasto");
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new UsernameLoggingFilter()
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), failing))
                .hasMessage("guasto");
        // Tomcat logs the failure after the filter chain has returned: the tag is still there for that line.
        assertThat(MDC.get(UsernameLoggingFilter.MDC_KEY)).isEqualTo("mario.rossi");
        MockHttpServletRequest request = new MockHttpServletRequest();
        new LoggingContextCleaner().requestDestroyed(new jakarta.servlet.ServletRequestEvent(request.getServletContext(),
                request));
        assertThat(MDC.get(UsernameLoggingFilter.MDC_KEY)).isNull();
    }

    @Test
    void theRequestsIdIsInTheLogsAndInTheAnswerHistorysRevisions() throws Exception {
        List<String> ids = new ArrayList<>();
        MockHttpServletRequest request = new MockHttpServletRequest();
        new UsernameLoggingFilter().doFilter(request, new MockHttpServletResponse(),
                (r, response) -> ids.add(MDC.get(UsernameLoggingFilter.REQUEST_KEY)));
        assertThat(ids).singleElement().asString().hasSize(12);
        assertThat(request.getAttribute(it.oivreport.shared.history.HistoryRevisionListener.REQUEST_ID))
                .isEqualTo(ids.get(0));
        assertThat(MDC.get(UsernameLoggingFilter.REQUEST_KEY)).as("cleared after the request").isNull();
        MockHttpServletRequest another = new MockHttpServletRequest();
        new UsernameLoggingFilter().doFilter(another, new MockHttpServletResponse(), (r, response) -> { });
        assertThat(another.getAttribute(it.oivreport.shared.history.HistoryRevisionListener.REQUEST_ID))
                .isNotEqualTo(ids.get(0));
    }

    @Test
    void anonymousRequestsAreMarked() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        new UsernameLoggingFilter().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), recordingChain);
        assertThat(seen).containsExactly("-");
    }
}
