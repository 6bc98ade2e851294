package it.oivreport.account.web;

import it.oivreport.account.AccountPrincipal;
import it.oivreport.account.Role;
import it.oivreport.account.UserAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import it.oivreport.shared.web.Paging;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Administrators manage the installation's users: create, reset a password, deactivate. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAccounts accounts;

    UserAdminController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    record NewUserForm(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
            @NotBlank @Size(max = 200) String fullName, @NotNull Role role) {
    }

    /** The orders the list offers; the first is the default. */
    static final Map<String, Sort> SORTS = sorts();

    private static Map<String, Sort> sorts() {
        Map<String, Sort> sorts = new LinkedHashMap<>();
        sorts.put("name", Sort.by("fullName").and(Sort.by("id")));
        sorts.put("username", Sort.by("username").and(Sort.by("id")));
        sorts.put("role", Sort.by("role").and(Sort.by("fullName")).and(Sort.by("id")));
        sorts.put("-lastLogin", Sort.by(Sort.Order.desc("lastLoginAt").nullsLast()).and(Sort.by("id")));
        return java.util.Collections.unmodifiableMap(sorts);
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, Model model) {
        if (!model.containsAttribute("newUser")) {
            model.addAttribute("newUser", new NewUserForm("", "", Role.OIV));
        }
        String query = q == null ? "" : q.strip();
        String sortKey = Paging.sortKey(sort, SORTS);
        Page<UserAccounts.UserSummary> found = accounts.search(query, Paging.request(page, sortKey, SORTS));
        model.addAttribute("users", found.getContent());
        model.addAttribute("paging", Paging.of(found, "/admin/users", "q", query, "sort",
                sortKey.equals("name") ? "" : sortKey));
        model.addAttribute("q", query);
        model.addAttribute("sort", sortKey);
        model.addAttribute("sorts", SORTS.keySet());
        model.addAttribute("roles", Role.values());
        return "account/users";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("newUser") NewUserForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors() && accounts.exists(form.username())) {
            result.rejectValue("username", "users.duplicate");
        }
        if (result.hasErrors()) {
            return list(null, null, 0, model);
        }
        String temporary = accounts.createWithTemporaryPassword(form.username(), form.fullName(), form.role());
        redirect.addFlashAttribute("temporaryPassword", temporary);
        redirect.addFlashAttribute("temporaryFor", form.username().strip());
        return "redirect:/admin/users";
    }

    @PostMapping("/{userId}/reset-password")
    String resetPassword(@PathVariable long userId, @RequestParam String username, RedirectAttributes redirect) {
        redirect.addFlashAttribute("temporaryPassword", accounts.resetPassword(userId));
        redirect.addFlashAttribute("temporaryFor", username);
        return "redirect:/admin/users";
    }

    @PostMapping("/{userId}/enabled")
    String setEnabled(@PathVariable long userId, @RequestParam boolean enabled,
            @AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
        if (userId == me.getId() && !enabled) {
            // An administrator who switched themselves off could lock everybody out.
            redirect.addFlashAttribute("userError", "users.cannotDeactivateSelf");
        } else {
            accounts.setEnabled(userId, enabled);
            redirect.addFlashAttribute("userDone", enabled ? "users.activated" : "users.deactivated");
        }
        return "redirect:/admin/users";
    }
}
