package io.invitations.spring.web;

import io.invitations.core.InvitationService;
import io.invitations.csv.ClaimLinkExport;
import io.invitations.csv.CsvExportOptions;
import io.invitations.csv.CsvTemplate;
import io.invitations.csv.StatusReportExport;
import io.invitations.excel.TemplateOptions;
import io.invitations.excel.XlsxStatusExport;
import io.invitations.excel.XlsxTemplate;
import io.invitations.spi.InvitationException;
import io.invitations.spi.invitation.InvitationStatus;
import io.invitations.spi.storage.OutboxMessage;
import io.invitations.spring.web.internal.AdminCalls;
import io.invitations.spring.web.internal.Problems;
import io.invitations.spring.web.internal.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The administrators' JSON API under {@code ${invitations.web.path:/invitations}/api/admin}. Every
 * call is bound to the {@link Administrator} the host's {@link AdministratorResolver} returns;
 * without a resolver bean every endpoint answers 403, and a caller it does not recognise gets 401.
 * The engine then checks the administrator's permission level for each action.
 *
 * <p><b>CSRF.</b> State changes are {@code POST}s that accept only {@code application/json} (send
 * {@code {}} or no body where there is nothing to send; another type answers 415
 * {@code JSON_REQUIRED}), and the multipart {@code POST /bulk} also requires the header
 * {@link #UPLOAD_HEADER} ({@code X-Requested-With}, any non-empty value; without it 403
 * {@code HEADER_REQUIRED}). Neither can be sent by a page of another site without a CORS preflight,
 * which this module never allows. That is a second line only: when the host authenticates
 * administrators with a session cookie, keep Spring Security's CSRF protection on for these
 * endpoints like any other endpoint of the host.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "1.0")
@RestController
@RequestMapping("${invitations.web.path:/invitations}/api/admin")
public class AdminApiController {
    /**
     * The request header {@code POST /bulk} requires, with any non-empty value (e.g.
     * {@code X-Requested-With: invitations}): a custom header makes a browser send a CORS preflight,
     * so a page of another site cannot upload with an administrator's cookie.
     *
     * @since 1.2
     */
    public static final String UPLOAD_HEADER = "X-Requested-With";

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** The most invitations one status export holds. */
    static final int EXPORT_LIMIT = 10_000;

    private final InvitationService service;
    private final ObjectProvider<AdministratorResolver> resolver;
    private final Clock clock;

    /**
     * Creates the controller.
     *
     * @param service  the service
     * @param resolver the host's resolver, if any
     * @param clock    the clock, for effective statuses and export times
     */
    public AdminApiController(InvitationService service, ObjectProvider<AdministratorResolver> resolver,
                              Clock clock) {
        this.service = service;
        this.resolver = resolver;
        this.clock = clock;
    }

    /** Who may not call, with the status to answer. */
    static final class NotAnAdministratorException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final HttpStatus status;

        NotAnAdministratorException(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** A state-changing request a page of another site could send without a CORS preflight. */
    static final class CrossSiteRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final HttpStatus status;
        final String code;

        CrossSiteRequestException(HttpStatus status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    /**
     * Refuses, before any handler of this controller runs over HTTP, a state-changing request a page
     * of another site could send without a CORS preflight: not {@code application/json}, or the
     * multipart upload without {@link #UPLOAD_HEADER}. (A host calling the handler methods from its
     * own pages, as Java methods, is under its own CSRF protection and not checked here.)
     */
    @org.springframework.web.bind.annotation.ModelAttribute
    void refuseSimpleCrossSiteRequests(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        Object pattern = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern != null && pattern.toString().endsWith("/bulk")) {
            String marker = request.getHeader(UPLOAD_HEADER);
            if (marker == null || marker.isBlank()) {
                throw new CrossSiteRequestException(HttpStatus.FORBIDDEN, "HEADER_REQUIRED",
                        "send the upload with the header '" + UPLOAD_HEADER + ": invitations' (any non-empty "
                                + "value); without it a page of another site could send it without a CORS preflight");
            }
        } else if (!isJson(request.getContentType())) {
            throw new CrossSiteRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "JSON_REQUIRED",
                    "send this request with the header 'Content-Type: application/json' (the body '{}' or none "
                            + "when there is nothing to send); other types are refused so that no page of another "
                            + "site can send it without a CORS preflight");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "application".equals(type.getType())
                    && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    private AdminCalls calls(HttpServletRequest request) {
        AdministratorResolver r = resolver.getIfAvailable();
        if (r == null) {
            throw new NotAnAdministratorException(HttpStatus.FORBIDDEN, "the administrators' API is closed: the "
                    + "application defines no AdministratorResolver bean to tell who is calling");
        }
        Administrator admin = r.resolve(request).orElseThrow(() -> new NotAnAdministratorException(
                HttpStatus.UNAUTHORIZED, "sign in as an administrator to use this endpoint"));
        return new AdminCalls(service, admin, clock);
    }

    /**
     * Invites one person and queues the message.
     *
     * @param form    who, with which grant
     * @param request the request
     * @return the invitation
     */
    @PostMapping(path = "/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public WebJson.InvitationView invite(@RequestBody WebJson.InviteForm form, HttpServletRequest request) {
        return calls(request).invite(form);
    }

    /**
     * Provisions one invitation without sending it (send it later).
     *
     * @param form    who, with which grant
     * @param request the request
     * @return the invitation
     */
    @PostMapping(path = "/invitations/provision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public WebJson.InvitationView provision(@RequestBody WebJson.InviteForm form, HttpServletRequest request) {
        return calls(request).provision(form);
    }

    /**
     * Lists the tenant's invitations by effective status, as far as the caller may read them: below
     * the tenant's manage level their own, at a {@code *_LOCAL} manage level their units' too (see
     * {@link io.invitations.core.InvitationAdministration#query}).
     *
     * @param status  statuses to include, none for all
     * @param offset  how many to skip
     * @param limit   the page size, 1 to 1000
     * @param request the request
     * @return the page
     */
    @GetMapping("/invitations")
    public WebJson.InvitationPage query(@RequestParam(required = false) List<InvitationStatus> status,
                                        @RequestParam(defaultValue = "0") int offset,
                                        @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        Set<InvitationStatus> statuses = status == null || status.isEmpty()
                ? Set.of() : EnumSet.copyOf(status);
        return calls(request).query(statuses, offset, limit);
    }

    /**
     * Reads one invitation; another's invitation the caller may not read is a 404, as a missing one.
     *
     * @param id      the id
     * @param request the request
     * @return the invitation, or 404
     */
    @GetMapping("/invitations/{id}")
    public ResponseEntity<WebJson.InvitationView> find(@PathVariable String id, HttpServletRequest request) {
        WebJson.InvitationView v = calls(request).find(id);
        return v == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(v);
    }

    /**
     * Reads one invitation's history, oldest first; another's invitation the caller may not read is a
     * 404 {@code NOT_FOUND}, as a missing one.
     *
     * @param id      the id
     * @param request the request
     * @return the entries
     */
    @GetMapping("/invitations/{id}/history")
    public List<WebJson.HistoryView> history(@PathVariable String id, HttpServletRequest request) {
        return calls(request).history(id);
    }

    /**
     * Sends a provisioned invitation, optionally with a message the administrator adds to the email.
     *
     * @param id      the id
     * @param message text added to the invitation's personal message (escaped in the email), or absent
     * @param request the request
     * @return the invitation
     */
    @PostMapping(path = "/invitations/{id}/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.InvitationView send(@PathVariable String id, @RequestParam(required = false) String message,
                                       HttpServletRequest request) {
        return calls(request).send(id, message);
    }

    /**
     * Sends several provisioned invitations; each is sent or refused on its own.
     *
     * @param form    the ids
     * @param message text added to each invitation's personal message, or absent
     * @param request the request
     * @return what was sent and refused
     */
    @PostMapping(path = "/invitations/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.SendView sendMany(@RequestBody WebJson.IdsForm form, @RequestParam(required = false) String message,
                                     HttpServletRequest request) {
        return calls(request).send(form.ids() == null ? List.of() : form.ids(), message);
    }

    /**
     * Sends every provisioned invitation of the tenant.
     *
     * @param message text added to each invitation's personal message, or absent
     * @param request the request
     * @return what was sent and refused
     */
    @PostMapping(path = "/invitations/send-all-provisioned", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.SendView sendAllProvisioned(@RequestParam(required = false) String message,
                                               HttpServletRequest request) {
        return calls(request).sendAllProvisioned(message);
    }

    /**
     * Resends a pending invitation (within the tenant's resend limits).
     *
     * @param id      the id
     * @param request the request
     * @return the invitation
     */
    @PostMapping(path = "/invitations/{id}/resend", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.InvitationView resend(@PathVariable String id, HttpServletRequest request) {
        return calls(request).resend(id);
    }

    /**
     * Invites again after expiry (a new invitation; the old link stays dead).
     *
     * @param id      the expired invitation's id
     * @param request the request
     * @return the new invitation
     */
    @PostMapping(path = "/invitations/{id}/reinvite", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.InvitationView reinvite(@PathVariable String id, HttpServletRequest request) {
        return calls(request).reinvite(id);
    }

    /**
     * Revokes an open invitation.
     *
     * @param id      the id
     * @param form    the reason, optional
     * @param request the request
     * @return the invitation
     */
    @PostMapping(path = "/invitations/{id}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.InvitationView revoke(@PathVariable String id,
                                         @RequestBody(required = false) WebJson.ReasonForm form,
                                         HttpServletRequest request) {
        return calls(request).revoke(id, form == null ? null : form.reason());
    }

    /**
     * Approves an acceptance that awaits approval.
     *
     * @param id      the id
     * @param request the request
     * @return the invitation
     */
    @PostMapping(path = "/invitations/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.InvitationView approve(@PathVariable String id, HttpServletRequest request) {
        return calls(request).approve(id);
    }

    /**
     * Rejects an acceptance that awaits approval.
     *
     * @param id      the id
     * @param form    the reason, optional
     * @param request the request
     * @return the invitation
     */
    @PostMapping(path = "/invitations/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.InvitationView reject(@PathVariable String id,
                                         @RequestBody(required = false) WebJson.ReasonForm form,
                                         HttpServletRequest request) {
        return calls(request).reject(id, form == null ? null : form.reason());
    }

    /**
     * Reveals an invitation's claim link (e.g. to hand over in person); recorded in its history.
     *
     * @param id      the id
     * @param request the request
     * @return the link
     */
    @GetMapping("/invitations/{id}/claim-link")
    public WebJson.ClaimLinkView revealClaimLink(@PathVariable String id, HttpServletRequest request) {
        return calls(request).revealClaimLink(id);
    }

    /**
     * Renders the message an invitation sends, without sending it.
     *
     * @param id      the id
     * @param kind    which message
     * @param request the request
     * @return the message
     */
    @GetMapping("/invitations/{id}/preview")
    public WebJson.MessageView preview(@PathVariable String id,
                                       @RequestParam(defaultValue = "INVITATION") OutboxMessage.Kind kind,
                                       HttpServletRequest request) {
        return calls(request).preview(id, kind);
    }

    /**
     * Renders a message of the tenant with sample values.
     *
     * @param locale  the language tag
     * @param kind    which message
     * @param request the request
     * @return the message
     */
    @GetMapping("/messages/sample")
    public WebJson.MessageView previewSample(@RequestParam(defaultValue = "en") String locale,
                                             @RequestParam(defaultValue = "INVITATION") OutboxMessage.Kind kind,
                                             HttpServletRequest request) {
        return calls(request).previewSample(Locale.forLanguageTag(locale), kind);
    }

    /**
     * Checks or runs a bulk upload of a CSV, TXT, vCard ({@code .vcf}), LDIF or {@code .xlsx} file.
     * With {@code dryRun=true} (the default) nothing is written and the row report tells what each
     * row would do; upload the same file with {@code dryRun=false} to confirm.
     *
     * @param file      the file
     * @param dryRun    whether to check only
     * @param provision whether to provision (send later) instead of inviting
     * @param role      the role of rows that name none
     * @param request   the request
     * @return the row report
     * @throws IOException if the upload cannot be read
     */
    @PostMapping(path = "/bulk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public WebJson.BulkReportView bulk(@RequestPart("file") MultipartFile file,
                                       @RequestParam(defaultValue = "true") boolean dryRun,
                                       @RequestParam(defaultValue = "false") boolean provision,
                                       @RequestParam(required = false) String role,
                                       HttpServletRequest request) throws IOException {
        AdminCalls calls = calls(request);
        return calls.bulk(Uploads.read(file.getOriginalFilename(), file.getInputStream()), dryRun, provision, role);
    }

    /**
     * Downloads the bulk upload template ({@code .xlsx}, with instructions and validation).
     *
     * @param request the request
     * @return the workbook
     */
    @GetMapping("/bulk/template.xlsx")
    public ResponseEntity<byte[]> template(HttpServletRequest request) {
        calls(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxTemplate.write(out, TemplateOptions.builder().build());
        return file(out.toByteArray(), "invitations-template.xlsx", XLSX);
    }

    /**
     * Downloads the bulk upload template as CSV, beside the {@code .xlsx} one: the header row with
     * every column the importers recognise, with a byte order mark for spreadsheet programs.
     *
     * @param request the request
     * @return the CSV
     */
    @GetMapping("/bulk/template.csv")
    public ResponseEntity<byte[]> csvTemplate(HttpServletRequest request) {
        calls(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTemplate.write(out, CsvExportOptions.excel());
        return file(out.toByteArray(), "invitations-template.csv", CSV);
    }

    /**
     * Exports the claim links of a bulk batch as CSV, to hand out by other means.
     *
     * @param batchId the batch from the bulk report
     * @param request the request
     * @return the CSV
     */
    @GetMapping("/batches/{batchId}/claim-links.csv")
    public ResponseEntity<byte[]> exportClaimLinks(@PathVariable String batchId, HttpServletRequest request) {
        AdminCalls calls = calls(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClaimLinkExport.write(calls.exportClaimLinks(batchId), clock.instant(), out, CsvExportOptions.defaults());
        return file(out.toByteArray(), "claim-links-" + batchId + ".csv", CSV);
    }

    /**
     * Exports the status of the tenant's invitations as CSV: those the caller may read (their own
     * below the tenant's manage level).
     *
     * @param request the request
     * @return the CSV
     */
    @GetMapping("/invitations/export.csv")
    public ResponseEntity<byte[]> exportStatusCsv(HttpServletRequest request) {
        AdminCalls calls = calls(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatusReportExport.write(calls.all(EXPORT_LIMIT), clock.instant(), out, CsvExportOptions.defaults());
        return file(out.toByteArray(), "invitations.csv", CSV);
    }

    /**
     * Exports the status of the tenant's invitations the caller may read as a workbook.
     *
     * @param request the request
     * @return the workbook
     */
    @GetMapping("/invitations/export.xlsx")
    public ResponseEntity<byte[]> exportStatusXlsx(HttpServletRequest request) {
        AdminCalls calls = calls(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxStatusExport.write(out, calls.all(EXPORT_LIMIT), clock.instant());
        return file(out.toByteArray(), "invitations.xlsx", XLSX);
    }

    /**
     * Lists the tenant's shareable links (without their URLs).
     *
     * @param request the request
     * @return the links
     */
    @GetMapping("/shareable-links")
    public List<WebJson.ShareableLinkView> shareableLinks(HttpServletRequest request) {
        return calls(request).shareableLinks();
    }

    /**
     * Creates a shareable link.
     *
     * @param form    its grant and limits
     * @param request the request
     * @return the link with its URL
     */
    @PostMapping(path = "/shareable-links", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public WebJson.ShareableLinkView createShareableLink(@RequestBody WebJson.ShareableLinkForm form,
                                                         HttpServletRequest request) {
        return calls(request).createShareableLink(form);
    }

    /**
     * Reveals a shareable link's URL.
     *
     * @param id      the link's id
     * @param request the request
     * @return the link with its URL
     */
    @GetMapping("/shareable-links/{id}")
    public WebJson.ShareableLinkView revealShareableLink(@PathVariable String id, HttpServletRequest request) {
        return calls(request).revealShareableLink(id);
    }

    /**
     * Deactivates a shareable link.
     *
     * @param id      the link's id
     * @param request the request
     * @return the link
     */
    @PostMapping(path = "/shareable-links/{id}/deactivate", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.ShareableLinkView deactivateShareableLink(@PathVariable String id, HttpServletRequest request) {
        return calls(request).deactivateShareableLink(id);
    }

    /**
     * Reactivates a shareable link under a new URL.
     *
     * @param id      the link's id
     * @param request the request
     * @return the link with its new URL
     */
    @PostMapping(path = "/shareable-links/{id}/reactivate", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WebJson.ShareableLinkView reactivateShareableLink(@PathVariable String id, HttpServletRequest request) {
        return calls(request).reactivateShareableLink(id);
    }

    /**
     * Answers an engine failure with a problem detail for administrators.
     *
     * @param e the failure
     * @return the problem
     */
    @ExceptionHandler(InvitationException.class)
    public ProblemDetail failed(InvitationException e) {
        return Problems.forAdministrator(e);
    }

    /**
     * Answers a caller who is not an administrator.
     *
     * @param e the refusal
     * @return the problem
     */
    @ExceptionHandler(NotAnAdministratorException.class)
    public ResponseEntity<ProblemDetail> notAnAdministrator(NotAnAdministratorException e) {
        return ResponseEntity.status(e.status).body(Problems.of(e.status,
                e.status == HttpStatus.UNAUTHORIZED ? "NOT_AUTHENTICATED" : "NOT_AN_ADMINISTRATOR", e.getMessage()));
    }

    /**
     * Answers a state-changing request sent without {@code Content-Type: application/json}, or an
     * upload without the {@link #UPLOAD_HEADER} header, naming what to send.
     *
     * @param e the refusal
     * @return the problem
     * @since 1.2
     */
    @ExceptionHandler(CrossSiteRequestException.class)
    public ResponseEntity<ProblemDetail> crossSiteRequest(CrossSiteRequestException e) {
        return ResponseEntity.status(e.status).body(Problems.of(e.status, e.code, e.getMessage()));
    }

    /**
     * Answers a malformed value (an unknown status, kind or instant).
     *
     * @param e the failure
     * @return the problem
     */
    @ExceptionHandler({IllegalArgumentException.class, java.time.format.DateTimeParseException.class})
    public ProblemDetail malformed(RuntimeException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", e.getMessage());
    }

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(body);
    }
}
