package io.invitations.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What {@link SecretLeakGuard} checks: every token a test obtained, and every text a test saw that
 * must never hold one (exception messages, toString of results and events). Thread-safe.
 */
public final class Secrets {
    /** The shape of any token the engine issues: prefix.keyId.tenant.subject.version.mac. */
    public static final Pattern TOKEN_SHAPE =
            Pattern.compile("(inv1|lnk1|acc1|out1)\\.[A-Za-z0-9_-]{1,32}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.\\d+\\.[A-Za-z0-9_-]{43}");

    private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();
    private static final List<String> OBSERVED = new ArrayList<>();

    private Secrets() {
    }

    /** Registers a token a test obtained. */
    public static String issued(String token) {
        TOKENS.add(token);
        return token;
    }

    /** Records a text that must hold no token. */
    public static void observed(String text) {
        if (text != null) {
            synchronized (OBSERVED) {
                OBSERVED.add(text);
            }
        }
    }

    /** Records an exception's messages and descriptions, with its causes. */
    public static void observed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            observed(c.getMessage());
            observed(c.toString());
        }
    }

    static List<String> drainObserved() {
        synchronized (OBSERVED) {
            List<String> copy = List.copyOf(OBSERVED);
            OBSERVED.clear();
            return copy;
        }
    }

    static void forgetTokens() {
        TOKENS.clear();
    }

    /** Tells where a text leaks a token, without quoting the token. */
    public static String leakIn(String text) {
        if (text == null) {
            return null;
        }
        var m = TOKEN_SHAPE.matcher(text);
        if (m.find()) {
            return "a token-shaped string at offset " + m.start();
        }
        for (String token : TOKENS) {
            int i = text.indexOf(token);
            if (i >= 0) {
                return "an issued token at offset " + i;
            }
            String mac = token.substring(token.lastIndexOf('.') + 1);
            i = text.indexOf(mac);
            if (i >= 0) {
                return "the MAC of an issued token at offset " + i;
            }
        }
        return null;
    }
}
