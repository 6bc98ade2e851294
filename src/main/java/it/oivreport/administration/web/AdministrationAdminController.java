package it.oivreport.administration.web;

import it.oivreport.account.Memberships;
import it.oivreport.account.Memberships.Member;
import it.oivreport.account.Role;
import it.oivreport.account.UserAccounts;
import it.oivreport.administration.AdministrationType;
import it.oivreport.administration.AdministrationView;
import it.oivreport.administration.Administrations;
import it.oivreport.administration.OivComposition;
import it.oivreport.shared.web.NotFoundException;
import jakarta.validation.Valid;
import java.util.List;
import it.oivreport.shared.web.Paging;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage administrations, their OIV's composition and who works for each. */
@Controller
@RequestMapping("/admin/administrations")
class AdministrationAdminController {

    static final String LIST = "administration/list";
    static final String FORM = "administration/form";

    private final Administrations administrations;
    private final Memberships memberships;
    private final UserAccounts users;

    AdministrationAdminController(Administrations administrations, Memberships memberships, UserAccounts users) {
        this.administrations = administrations;
        this.memberships = memberships;
        this.users = users;
    }

    /** The orders the list offers; the first is the default. */
    static final Map<String, Sort> SORTS = sorts();

    /** Users offered at once in the "add a member" list; a search narrows them. */
    static final int CANDIDATES = 20;

    private static Map<String, Sort> sorts() {
        Map<String, Sort> sorts = new LinkedHashMap<>();
        sorts.put("name", Sort.by("name").and(Sort.by("id")));
        sorts.put("-name", Sort.by(Sort.Direction.DESC, "name").and(Sort.by("id")));
        sorts.put("type", Sort.by("type").and(Sort.by("name")).and(Sort.by("id")));
        sorts.put("-created", Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "id")));
        return java.util.Collections.unmodifiableMap(sorts);
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String query = q == null ? "" : q.strip();
        String sortKey = Paging.sortKey(sort, SORTS);
        Page<AdministrationView> found = administrations.search(query, Paging.request(page, sortKey, SORTS));
        model.addAttribute("administrations", found.getContent());
        model.addAttribute("paging", Paging.of(found, "/admin/administrations", "q", query, "sort",
                sortKey.equals("name") ? "" : sortKey));
        model.addAttribute("q", query);
        model.addAttribute("sort", sortKey);
        model.addAttribute("sorts", SORTS.keySet());
        return LIST;
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", AdministrationForm.empty());
        return form(null, model);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") AdministrationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            administrations.takenField(form.toDetails(), null)
                    .ifPresent(field -> result.rejectValue(field, "administrations.duplicate." + field));
        }
        if (result.hasErrors()) {
            return form(null, model);
        }
        long id = administrations.create(form.toDetails());
        redirect.addFlashAttribute("done", "administrations.created");
        return "redirect:/admin/administrations/" + id;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) String candidate, Model model) {
        AdministrationView administration = find(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", AdministrationForm.of(administration));
        }
        model.addAttribute("candidate", candidate == null ? "" : candidate.strip());
        return form(administration, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AdministrationForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        AdministrationView administration = find(id);
        List<Member> members = memberships.members(id);
        long oivMembers = members.stream().filter(m -> m.role() == Role.OIV).count();
        if (form.presidentId() != null
                && members.stream().noneMatch(m -> m.role() == Role.OIV && m.userId() == form.presidentId())) {
            result.rejectValue("presidentId", "administrations.president.notMember");
        }
        if (form.composition() != null && oivMembers > form.composition().members()) {
            result.rejectValue("composition", "administrations.composition.tooManyMembers",
                    new Object[] {oivMembers}, null);
        }
        if (form.version() == null || form.version() != administration.version()) {
            // Someone saved in the meantime: their version is shown, and nothing is overwritten.
            model.addAttribute("stale", true);
            model.addAttribute("form", AdministrationForm.of(administration));
            return form(administration, model);
        }
        if (!result.hasErrors()) {
            administrations.takenField(form.toDetails(), id)
                    .ifPresent(field -> result.rejectValue(field, "administrations.duplicate." + field));
        }
        if (result.hasErrors()) {
            return form(administration, model);
        }
        administrations.update(id, form.version(), form.toDetails());
        redirect.addFlashAttribute("done", "administrations.saved");
        return "redirect:/admin/administrations/" + id;
    }

    @PostMapping("/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        find(id);
        administrations.setActive(id, active);
        redirect.addFlashAttribute("done", active ? "administrations.activated" : "administrations.deactivated");
        return "redirect:/admin/administrations/" + id;
    }

    @PostMapping("/{id}/members")
    String assign(@PathVariable long id, @RequestParam(required = false) Long userId, @RequestParam Role role,
            RedirectAttributes redirect) {
        AdministrationView administration = find(id);
        if (userId == null || role == Role.ADMIN) {
            redirect.addFlashAttribute("memberError", "administrations.members.choose");
            return "redirect:/admin/administrations/" + id;
        }
        long oivMembers = memberships.members(id).stream()
                .filter(m -> m.role() == Role.OIV && m.userId() != userId).count();
        if (role == Role.OIV && oivMembers >= administration.composition().members()) {
            redirect.addFlashAttribute("memberError", "administrations.members.full");
            return "redirect:/admin/administrations/" + id;
        }
        memberships.assign(userId, id, role);
        redirect.addFlashAttribute("done", "administrations.members.assigned");
        return "redirect:/admin/administrations/" + id;
    }

    @PostMapping("/{id}/members/{userId}/remove")
    String remove(@PathVariable long id, @PathVariable long userId, RedirectAttributes redirect) {
        AdministrationView administration = find(id);
        if (administration.presidentId() != null && administration.presidentId() == userId) {
            redirect.addFlashAttribute("memberError", "administrations.members.president");
        } else {
            memberships.remove(userId, id);
            redirect.addFlashAttribute("done", "administrations.members.removed");
        }
        return "redirect:/admin/administrations/" + id;
    }

    private String form(AdministrationView administration, Model model) {
        model.addAttribute("administration", administration);
        model.addAttribute("types", AdministrationType.values());
        model.addAttribute("compositions", OivComposition.values());
        if (administration != null) {
            List<Member> members = memberships.members(administration.id());
            model.addAttribute("members", members);
            model.addAttribute("oivMembers", members.stream().filter(m -> m.role() == Role.OIV).toList());
            // Users to add are searched by name, a page at a time: an installation may have thousands.
            String candidate = model.getAttribute("candidate") instanceof String text ? text : "";
            model.addAttribute("candidate", candidate);
            model.addAttribute("candidatesShown", CANDIDATES);
            model.addAttribute("candidates", users.firstMatching(candidate, CANDIDATES).stream()
                    .filter(u -> u.enabled() && u.role() != Role.ADMIN)
                    .filter(u -> members.stream().noneMatch(m -> m.userId() == u.id())).toList());
        }
        return FORM;
    }

    private AdministrationView find(long id) {
        return administrations.find(id).orElseThrow(() -> new NotFoundException("administration " + id));
    }
}
