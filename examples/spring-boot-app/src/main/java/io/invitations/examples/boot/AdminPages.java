package io.invitations.examples.boot;

import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spring.web.AdminApiController;
import io.invitations.spring.web.WebJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The administrators' pages, over the web module's administrators' API (the demo administrator is
 * fixed: see {@link ExampleApplication#demoAdministrator()}), plus the mailbox and the demo clock.
 */
@Controller
public class AdminPages {
    /** The role of uploaded rows that name none. */
    private static final String DEFAULT_ROLE = "member";
    private static final String UPLOAD = AdminPages.class.getName() + ".upload";

    private final AdminApiController api;
    private final Mailbox mailbox;
    private final DemoClock clock;

    AdminPages(AdminApiController api, Mailbox mailbox, DemoClock clock) {
        this.api = api;
        this.mailbox = mailbox;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String dashboard(@RequestParam(required = false) InvitationStatus status, HttpServletRequest request,
                     Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", List.of(InvitationStatus.PENDING, InvitationStatus.ACCEPTED,
                InvitationStatus.EXPIRED, InvitationStatus.REVOKED, InvitationStatus.DECLINED));
        model.addAttribute("page", api.query(status == null ? null : List.of(status), 0, 200, request));
        model.addAttribute("clockOffset", clock.offset().toDays());
        return "admin";
    }

    @PostMapping("/admin/invite")
    String invite(@RequestParam String email, @RequestParam(required = false) String firstName,
                  @RequestParam(required = false) String lastName, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String personalMessage, HttpServletRequest request,
                  RedirectAttributes flash) {
        try {
            api.invite(new WebJson.InviteForm(email, null, null, blank(firstName), blank(lastName), roleOr(role),
                    false, null, blank(personalMessage), null, null, null), request);
            flash.addFlashAttribute("notice", "Invitation sent to " + email + ". It is in the mailbox.");
        } catch (InvitationException e) {
            flash.addFlashAttribute("problem", e.code() + ": " + e.getMessage());
        }
        return "redirect:/admin";
    }

    private static String roleOr(String role) {
        return role == null || role.isBlank() ? DEFAULT_ROLE : role;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @PostMapping("/admin/invitations/{id}/{action}")
    String act(@PathVariable String id, @PathVariable String action, HttpServletRequest request,
               RedirectAttributes flash) {
        try {
            WebJson.InvitationView v = switch (action) {
                case "resend" -> api.resend(id, request);
                case "reinvite" -> api.reinvite(id, request);
                case "revoke" -> api.revoke(id, new WebJson.ReasonForm("revoked on the admin page"), request);
                default -> throw new IllegalArgumentException("unknown action " + action);
            };
            flash.addFlashAttribute("notice", "Done: " + action + " for " + (v.email() != null ? v.email() : v.id())
                    + " (now " + v.status() + ").");
        } catch (InvitationException e) {
            flash.addFlashAttribute("problem", e.code() + ": " + e.getMessage());
        }
        return "redirect:/admin";
    }

    @GetMapping("/admin/upload")
    String uploadForm() {
        return "upload";
    }

    @PostMapping("/admin/upload")
    String upload(@RequestParam("file") MultipartFile file, HttpServletRequest request, HttpSession session,
                  Model model) throws IOException {
        StoredUpload stored = new StoredUpload(file.getOriginalFilename(), file.getBytes());
        try {
            model.addAttribute("report", api.bulk(stored, true, false, DEFAULT_ROLE, request));
            session.setAttribute(UPLOAD, stored);
            model.addAttribute("fileName", stored.name());
            return "report";
        } catch (InvitationException e) {
            model.addAttribute("problem", e.getMessage());
            return "upload";
        }
    }

    @PostMapping("/admin/upload/confirm")
    String confirm(HttpServletRequest request, HttpSession session, Model model) throws IOException {
        StoredUpload stored = (StoredUpload) session.getAttribute(UPLOAD);
        if (stored == null) {
            model.addAttribute("problem", "Nothing to confirm: upload the file again.");
            return "upload";
        }
        session.removeAttribute(UPLOAD);
        try {
            model.addAttribute("report", api.bulk(stored, false, false, DEFAULT_ROLE, request));
            model.addAttribute("fileName", stored.name());
            return "report";
        } catch (InvitationException e) {
            model.addAttribute("problem", e.getMessage());
            return "upload";
        }
    }

    @GetMapping("/admin/links")
    String links(HttpServletRequest request, Model model) {
        model.addAttribute("links", api.shareableLinks(request));
        return "links";
    }

    @PostMapping("/admin/links")
    String createLink(@RequestParam(required = false) String role, @RequestParam(required = false) Integer maxUses,
                      HttpServletRequest request, RedirectAttributes flash) {
        try {
            WebJson.ShareableLinkView v = api.createShareableLink(new WebJson.ShareableLinkForm(roleOr(role), false,
                    null, null, null, maxUses, null), request);
            flash.addFlashAttribute("revealed", v.url());
        } catch (InvitationException e) {
            flash.addFlashAttribute("problem", e.code() + ": " + e.getMessage());
        }
        return "redirect:/admin/links";
    }

    @PostMapping("/admin/links/{id}/{action}")
    String linkAction(@PathVariable String id, @PathVariable String action, HttpServletRequest request,
                      RedirectAttributes flash) {
        try {
            WebJson.ShareableLinkView v = switch (action) {
                case "reveal" -> api.revealShareableLink(id, request);
                case "deactivate" -> api.deactivateShareableLink(id, request);
                case "reactivate" -> api.reactivateShareableLink(id, request);
                default -> throw new IllegalArgumentException("unknown action " + action);
            };
            if (v.url() != null) {
                flash.addFlashAttribute("revealed", v.url());
            }
        } catch (InvitationException e) {
            flash.addFlashAttribute("problem", e.code() + ": " + e.getMessage());
        }
        return "redirect:/admin/links";
    }

    @GetMapping("/admin/preview")
    String preview(@RequestParam(required = false) String id,
                   @RequestParam(defaultValue = "INVITATION") OutboxMessage.Kind kind,
                   @RequestParam(defaultValue = "en") String locale, HttpServletRequest request, Model model) {
        model.addAttribute("kinds", OutboxMessage.Kind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("locale", locale);
        model.addAttribute("message", id == null || id.isBlank() ? api.previewSample(locale, kind, request)
                : api.preview(id, kind, request));
        return "preview";
    }

    @GetMapping("/mailbox")
    String mailbox(Model model) {
        model.addAttribute("messages", mailbox.newestFirst());
        return "mailbox";
    }

    @GetMapping("/mailbox/{index}")
    String mail(@PathVariable int index, Model model) {
        io.invitations.spi.mail.MailMessage mail = mailbox.get(index);
        model.addAttribute("mail", mail);
        model.addAttribute("links", LINK.matcher(mail.text()).results().map(java.util.regex.MatchResult::group)
                .distinct().toList());
        return "mail";
    }

    /** The links in a message's plain text, listed beside the sandboxed HTML so that they can be followed. */
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");

    /** DEMO AID: moves the demo clock forward, e.g. past the invitations' expiry. */
    @PostMapping("/demo/clock")
    String advanceClock(@RequestParam int days, RedirectAttributes flash) {
        clock.advance(Duration.ofDays(days));
        flash.addFlashAttribute("notice", "Demo clock moved " + days + " day(s) ahead (now "
                + clock.offset().toDays() + " days ahead of real time).");
        return "redirect:/admin";
    }
}
