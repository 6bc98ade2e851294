package it.oivreport.account.web;

import static it.oivreport.account.SecurityConfiguration.LOGIN_USERNAME_ATTRIBUTE;

import it.oivreport.account.LoginThrottle;
import it.oivreport.account.SecurityConfiguration;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final LoginThrottle throttle;

    LoginController(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(Authentication authentication, HttpSession session, Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        Object typed = session.getAttribute(LOGIN_USERNAME_ATTRIBUTE);
        session.removeAttribute(LOGIN_USERNAME_ATTRIBUTE);
        model.addAttribute("username", typed instanceof String s ? s : "");
        Object lockMinutes = session.getAttribute(SecurityConfiguration.LOCK_MINUTES_ATTRIBUTE);
        session.removeAttribute(SecurityConfiguration.LOCK_MINUTES_ATTRIBUTE);
        model.addAttribute("lockMinutes", lockMinutes instanceof Long minutes ? minutes
                : Math.max(1, throttle.lockDuration().toMinutes()));
        return "account/login";
    }
}
