package it.oivreport.support;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only: lets tests see what a user sees when the server fails. Never part of the application. */
@RestController
public class FailingEndpoint {

    public static final String PATH = "/test-support/failure";
    public static final String SECRET_DETAIL = "secret internal detail 42";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException(SECRET_DETAIL);
    }
}
