package io.invitations.examples.boot;

import io.invitations.spi.ErrorCode;
import io.invitations.spi.InvitationException;
import io.invitations.spring.web.InviteeApiController;
import io.invitations.spring.web.WebJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invitee's pages, over the web module's invitee endpoints. Opening a claim link (GET or HEAD)
 * only reads it; the steps are rendered one by one without touching the invitation, and only the
 * last step's POST claims it.
 */
@Controller
public class InviteePages {
    private final InviteeApiController api;

    InviteePages(InviteeApiController api) {
        this.api = api;
    }

    @GetMapping("/")
    String home() {
        return "index";
    }

    /** The page for a link that cannot be used, by the engine's code or the invitation's status. */
    static String deadEnd(String codeOrStatus) {
        return switch (codeOrStatus) {
            case "EXPIRED", "LINK_EXPIRED" -> "link-expired";
            case "REVOKED", "LINK_INACTIVE", "REJECTED" -> "link-revoked";
            case "ALREADY_ACCEPTED", "ACCEPTED", "DECLINED", "LINK_EXHAUSTED", "AWAITING_APPROVAL" -> "link-used";
            case "THROTTLED" -> "locked-out";
            default -> "link-invalid";
        };
    }

    @GetMapping("/claim/{token}")
    String landing(@PathVariable String token, Model model) {
        WebJson.ClaimView claim;
        try {
            claim = api.inspect(token);
        } catch (InvitationException e) {
            return deadEnd(e.code().name());
        }
        if (!claim.claimable()) {
            return deadEnd(claim.status());
        }
        model.addAttribute("claim", claim);
        model.addAttribute("token", token);
        model.addAttribute("stepCount", pages(claim).size());
        return "claim-landing";
    }

    /** The wizard's pages in order: about you, the terms, groups, and the password last. */
    static List<String> pages(WebJson.ClaimView claim) {
        List<String> pages = new ArrayList<>(List.of("about"));
        if (claim.requirements().termsRequired()) {
            pages.add("terms");
        }
        if (!claim.requirements().groupPool().isEmpty()) {
            pages.add("groups");
        }
        if (claim.requirements().passwordRequired()) {
            pages.add("password");
        }
        return pages;
    }

    /** Renders the next step with the answers so far; changes nothing. */
    @PostMapping("/claim/{token}/steps")
    String step(@PathVariable String token, @RequestParam(defaultValue = "0") int step,
                @RequestParam MultiValueMap<String, String> answers, Model model) {
        WebJson.ClaimView claim;
        try {
            claim = api.inspect(token);
        } catch (InvitationException e) {
            return deadEnd(e.code().name());
        }
        if (!claim.claimable()) {
            return deadEnd(claim.status());
        }
        return renderStep(token, claim, Math.max(0, step), answers, List.of(), model);
    }

    private String renderStep(String token, WebJson.ClaimView claim, int step, MultiValueMap<String, String> answers,
                              List<String> errors, Model model) {
        List<String> pages = pages(claim);
        int index = Math.min(step, pages.size() - 1);
        Map<String, String> kept = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (!k.equals("password") && !k.equals("step") && !k.equals(FormTokenGuard.FIELD) && !v.isEmpty()) {
                kept.put(k, v.get(v.size() - 1));
            }
        });
        model.addAttribute("claim", claim);
        model.addAttribute("token", token);
        model.addAttribute("page", pages.get(index));
        model.addAttribute("stepNumber", index + 1);
        model.addAttribute("stepCount", pages.size());
        model.addAttribute("next", index + 1);
        model.addAttribute("last", index == pages.size() - 1);
        model.addAttribute("answers", kept);
        model.addAttribute("errors", errors);
        return "claim-step";
    }

    @PostMapping("/claim/{token}/accept")
    String accept(@PathVariable String token, @RequestParam MultiValueMap<String, String> answers, Model model,
                  HttpServletRequest request) {
        try {
            // the request lets the module's AcceptingAddressResolver name a signed-in visitor's address
            WebJson.AcceptanceView done = api.accept(token, form(answers), request);
            model.addAttribute("acceptance", done);
            return "welcome";
        } catch (InvitationException e) {
            if (e.code() == ErrorCode.CLAIM_INCOMPLETE || e.code() == ErrorCode.INVALID_REQUEST) {
                WebJson.ClaimView claim = api.inspect(token);
                return renderStep(token, claim, pages(claim).size() - 1, answers, List.of(e.getMessage()), model);
            }
            return deadEnd(e.code().name());
        }
    }

    @PostMapping("/claim/{token}/decline")
    String decline(@PathVariable String token) {
        try {
            api.decline(token, Map.of());
            return "declined";
        } catch (InvitationException e) {
            return deadEnd(e.code().name());
        }
    }

    static WebJson.ClaimForm form(MultiValueMap<String, String> a) {
        Map<String, String> profile = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (k.startsWith("profile.") && !v.isEmpty() && !v.get(0).isBlank()) {
                profile.put(k.substring("profile.".length()), v.get(0));
            }
        });
        List<String> groups = a.getOrDefault("groups", List.of());
        return new WebJson.ClaimForm(a.getFirst("firstName"), a.getFirst("lastName"), profile,
                a.getFirst("password"), "true".equals(a.getFirst("termsAccepted")), Set.copyOf(groups));
    }

    @GetMapping("/join/{token}")
    String offer(@PathVariable String token, Model model) {
        try {
            model.addAttribute("offer", api.inspectShareableLink(token));
        } catch (InvitationException e) {
            return deadEnd(e.code().name());
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", List.of());
        return "join";
    }

    @PostMapping("/join/{token}")
    String join(@PathVariable String token, @RequestParam MultiValueMap<String, String> answers, Model model,
                HttpServletRequest request) {
        try {
            model.addAttribute("acceptance", api.joinShareableLink(token,
                    new WebJson.JoinForm(answers.getFirst("email"), form(answers)), request));
            return "welcome";
        } catch (InvitationException e) {
            if (e.code() == ErrorCode.CLAIM_INCOMPLETE || e.code() == ErrorCode.INVALID_REQUEST
                    || e.code() == ErrorCode.ALREADY_INVITED_OR_MEMBER || e.code() == ErrorCode.DOMAIN_NOT_ALLOWED) {
                model.addAttribute("offer", api.inspectShareableLink(token));
                model.addAttribute("token", token);
                model.addAttribute("errors", List.of(e.code() == ErrorCode.ALREADY_INVITED_OR_MEMBER
                        ? "This address cannot join through the link. If you were invited, use your invitation."
                        : e.getMessage()));
                return "join";
            }
            return deadEnd(e.code().name());
        }
    }

    @GetMapping("/code")
    String codeForm(Model model) {
        model.addAttribute("error", null);
        return "code";
    }

    @PostMapping("/code")
    String redeem(@RequestParam String identifier, @RequestParam String code, HttpServletRequest request,
                  Model model) {
        try {
            WebJson.RedeemedView r = api.redeemCode(new WebJson.CodeForm(ExampleApplication.TENANT.value(), "phone",
                    identifier, code), request);
            return "redirect:/claim/" + r.claimToken();
        } catch (InvitationException e) {
            if (e.code() == ErrorCode.THROTTLED) {
                return "locked-out";
            }
            model.addAttribute("identifier", identifier);
            model.addAttribute("error", "That code did not work. Check the number and the code, then try again.");
            return "code";
        }
    }
}
