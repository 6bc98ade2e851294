package it.oivreport.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a form goes back to when its action is refused ({@link it.oivreport.shared.Refusal}): the page the
 * user came from, which shows the refusal in its {@code panel} (the layout's {@code refusal} fragment). Without
 * it, a refusal is an error page with its own status and message, or JSON for a client that asked for JSON.
 *
 * <p>{@link #redirect()} is a URI template; its variables are the request's path variables, then its
 * parameters ({@code /reports/{reportId}/sections/{number}/evidence?questionCode={questionCode}}); a variable
 * without a value is empty. {@link #target()} names the parameter that says which item of the panel the
 * refusal is about; {@link #keep()} the parameters that come back with the page, so that nothing typed is lost.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnRefusal {

    String redirect();

    /** Which of the page's places shows the message; see {@link RefusalNotice#panel()}. */
    String panel();

    String target() default "";

    String[] keep() default {};
}
