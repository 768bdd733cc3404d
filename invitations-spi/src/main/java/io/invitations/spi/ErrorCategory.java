package io.invitations.spi;

/**
 * The kind of failure an {@link ErrorCode} stands for, so that a host maps every code to a
 * transport status once (by category) instead of code by code. Each category names the HTTP status
 * a web host usually answers with; nothing in the engine depends on HTTP.
 *
 * <table>
 *   <caption>Categories and their usual HTTP status</caption>
 *   <tr><th>category</th><th>meaning</th><th>HTTP</th></tr>
 *   <tr><td>{@link #CLIENT_ERROR}</td><td>the request or uploaded file is wrong; fix it and send again</td><td>400</td></tr>
 *   <tr><td>{@link #FORBIDDEN}</td><td>the caller, or the tenant's settings, do not allow this action</td><td>403</td></tr>
 *   <tr><td>{@link #NOT_FOUND}</td><td>no such invitation, link, token or code</td><td>404</td></tr>
 *   <tr><td>{@link #CONFLICT}</td><td>the current state refuses it (already invited, no seat, wrong state, changed meanwhile)</td><td>409</td></tr>
 *   <tr><td>{@link #GONE}</td><td>the invitation or shareable link is over (expired, revoked, used, deactivated)</td><td>410</td></tr>
 *   <tr><td>{@link #TOO_MANY_REQUESTS}</td><td>a throttle, quota or cool-down refuses it for now; try later</td><td>429</td></tr>
 *   <tr><td>{@link #UNAVAILABLE}</td><td>a dependency (database, mail server, key store) failed; try later</td><td>503</td></tr>
 *   <tr><td>{@link #SERVER_ERROR}</td><td>the library or an adapter is configured wrongly</td><td>500</td></tr>
 * </table>
 *
 * @since 0.2.0
 */
public enum ErrorCategory {
    /** The request or uploaded file is wrong; the caller can fix it. HTTP 400. */
    CLIENT_ERROR(400),
    /** The caller, or the tenant's settings, do not allow the action. HTTP 403. */
    FORBIDDEN(403),
    /** No such invitation, shareable link, token or code. HTTP 404. */
    NOT_FOUND(404),
    /** The current state refuses the action. HTTP 409. */
    CONFLICT(409),
    /** The invitation or shareable link is over: expired, revoked, already used or deactivated. HTTP 410. */
    GONE(410),
    /** A throttle, quota or cool-down refuses the action for now. HTTP 429. */
    TOO_MANY_REQUESTS(429),
    /** A dependency failed; the same call may succeed later. HTTP 503. */
    UNAVAILABLE(503),
    /** The library or an adapter is configured wrongly; the caller cannot fix it. HTTP 500. */
    SERVER_ERROR(500);

    private final int httpStatus;

    ErrorCategory(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /**
     * Returns the HTTP status a web host usually answers with for this category.
     *
     * @return the status code, such as 404
     */
    public int httpStatus() {
        return httpStatus;
    }
}
