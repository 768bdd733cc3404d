package io.invitations.examples.boot;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * CSRF protection of the pages without Spring Security: every page form carries a random token
 * bound to the session (a {@code SameSite=Strict} cookie), and every {@code POST} to a page must
 * bring it back. The JSON API under {@code /invitations/api} is protected by accepting only
 * {@code application/json} (see the web module). A host with Spring Security uses its CSRF token instead.
 */
@Configuration(proxyBeanMethods = false)
@ControllerAdvice
public class FormTokenGuard implements WebMvcConfigurer, HandlerInterceptor {
    static final String FIELD = "_form";
    private static final String ATTRIBUTE = FormTokenGuard.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The session's form token, for every page's forms.
     *
     * @param request the request
     * @return the token
     */
    @ModelAttribute("formToken")
    public String formToken(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object t = session.getAttribute(ATTRIBUTE);
        if (t == null) {
            byte[] b = new byte[24];
            RANDOM.nextBytes(b);
            t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            session.setAttribute(ATTRIBUTE, t);
        }
        return (String) t;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/invitations/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(ATTRIBUTE);
        String sent = request.getParameter(FIELD);
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.toString()
                .getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "This form has expired. Go back, reload the page and send it again.");
            return false;
        }
        return true;
    }
}
