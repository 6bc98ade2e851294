package it.oivreport.report.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The "new report" form: which administration, which year. */
record NewReportForm(@NotBlank @Size(max = 200) String administrationName,
        @NotNull @Min(2000) @Max(2100) Integer year) {
}
