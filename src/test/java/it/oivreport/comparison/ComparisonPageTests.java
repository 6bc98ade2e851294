package it.oivreport.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.report.ReportAccess;
import it.oivreport.report.Reports;
import it.oivreport.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The comparison page and the section page on the demo 2021 report, which was started from 2020. */
@IntegrationTest
class ComparisonPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Reports reports;

    @Autowired
    ReportAccess access;

    @Autowired
    Comparisons comparisons;

    @Autowired
    UserDetailsService users;

    private AccountPrincipal oiv() {
        return (AccountPrincipal) users.loadUserByUsername("oiv");
    }

    private long demo2021() {
        return reports.ofOwnAdministrations(oiv()).stream()
                .filter(r -> r.administrationName().equals("Camera di Commercio di Brescia") && r.year() == 2021)
                .findFirst().orElseThrow().id();
    }

    @Test
    void theSectionPageComparesOnlyItsSectionAndAgreesWithTheWholeReport() {
        ReportAccess.Access permissions = access.of(demo2021(), oiv());
        ReportComparison whole = comparisons.compare(permissions).orElseThrow();
        for (int number = 1; number <= 16; number++) {
            Comparisons.SectionView view = comparisons.compareSection(permissions, number).orElseThrow();
            assertThat(view.previousYear()).isEqualTo(2020);
            assertThat(view.section()).isEqualTo(whole.sections().get(number - 1));
        }
        assertThat(comparisons.compareSection(permissions, 17)).isEmpty();
    }

    @Test
    void detailsAreClosedOnScreenAndOpenInThePrintableVersion() throws Exception {
        String url = "/reports/" + demo2021() + "/comparison";
        mvc.perform(get(url).with(user(oiv()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Versione per la stampa")))
                .andExpect(content().string(not(containsString("<details class=\"d-inline-block ms-2\" open"))));
        mvc.perform(get(url).param("expanded", "true").with(user(oiv()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<details class=\"d-inline-block ms-2\" open")))
                .andExpect(content().string(containsString("Chiudi i dettagli")))
                .andExpect(content().string(not(containsString("<details class=\"d-inline-block ms-2\">"))));
    }
}
