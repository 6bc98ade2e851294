package it.oivreport.account.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.PasswordPolicy;
import it.oivreport.account.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.util.Objects;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user changes their own password here; after an administrator's reset they must. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    static final String VIEW = "account/password";

    private final UserAccounts accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PasswordController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword,
            @NotBlank String confirmPassword) {
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", new PasswordForm("", "", ""));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return VIEW;
    }

    @PostMapping
    String change(@Validated @ModelAttribute("form") PasswordForm form, BindingResult result,
            @AuthenticationPrincipal AccountPrincipal user, Model model, RedirectAttributes redirect,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        if (!result.hasErrors() && !Objects.equals(form.newPassword(), form.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.mismatch");
        }
        if (result.hasErrors()) {
            return VIEW;
        }
        var problem = accounts.changeOwnPassword(user.getId(), form.currentPassword(), form.newPassword());
        if (problem.isPresent()) {
            result.rejectValue(problem.get().field(), problem.get().messageKey(), problem.get().arguments(), null);
            return VIEW;
        }
        // The session's user no longer has to change the password.
        AccountPrincipal updated = user.withPasswordChanged();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null,
                updated.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/";
    }
}
