package it.oivreport.evidence.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Uploads the servlet container refused before any controller ran: over the size limit (413) or cut off
 * half-way (400). The user gets a page in the layout that says what happened and leads back to the
 * report; nothing was stored.
 */
@ControllerAdvice
class UploadErrors {

    private static final Pattern REPORT = Pattern.compile("^/reports/(\\d+)/sections/(\\d+)/");

    private final DataSize maxFileSize;

    // The limit from the configuration rather than from the evidence service: this advice applies to every
    // controller, and must not drag the evidence module into other modules' slice tests.
    UploadErrors(@Value("${oiv.evidence.max-file-size}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "evidence.requestTooLarge");
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView broken(HttpServletRequest request, HttpServletResponse response) {
        return page(request, response, HttpStatus.BAD_REQUEST, "evidence.uploadBroken");
    }

    private ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String message) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("evidence/upload-failed", status);
        page.addObject("message", message);
        page.addObject("maxMegabytes", maxFileSize.toMegabytes());
        Matcher target = REPORT.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (target.find()) {
            page.addObject("reportId", Long.parseLong(target.group(1)));
            page.addObject("sectionNumber", Integer.parseInt(target.group(2)));
        }
        return page;
    }
}
