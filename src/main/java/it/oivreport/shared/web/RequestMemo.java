package it.oivreport.shared.web;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Remembers what one request has already read, so that a page assembled by several modules reads each
 * thing once: the report and its sections, the previous cycle's report, the administration, the user's
 * membership. Values are immutable views, never entities. Outside a request (start-up runners, tests that
 * call services directly) nothing is remembered. A module that writes forgets its own keys first, so that
 * what the same request reads afterwards is what was written.
 */
public final class RequestMemo {

    private static final String ATTRIBUTE = RequestMemo.class.getName();

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> load) {
        Map<String, Object> memo = memo();
        if (memo == null) {
            return load.get();
        }
        Object value = memo.get(key);
        if (value == null) {
            value = load.get();
            if (value != null) {
                memo.put(key, value);
            }
        }
        return (T) value;
    }

    /** Forgets every value whose key starts with {@code prefix}. */
    public static void forget(String prefix) {
        Map<String, Object> memo = memo();
        if (memo != null) {
            memo.keySet().removeIf(key -> key.startsWith(prefix));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> memo() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        Object memo = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<String, Object>();
            attributes.setAttribute(ATTRIBUTE, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, Object>) memo;
    }
}
