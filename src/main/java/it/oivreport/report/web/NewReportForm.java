package it.oivreport.report.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The "new report" form: which administration, which year. */
record NewReportForm(@NotNull Long administrationId, @NotNull @Min(2000) @Max(2100) Integer year,
        Boolean fromPrevious) {

    boolean copyPrevious() {
        return Boolean.TRUE.equals(fromPrevious);
    }
}
