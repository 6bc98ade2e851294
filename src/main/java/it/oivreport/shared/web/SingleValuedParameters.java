package it.oivreport.shared.web;

import it.oivreport.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A form field sent twice is a form no page of ours sent: Spring would bind the first value to a number and
 * both, joined by a comma, to a text, so it is refused (400) before the handler runs, and nothing changes.
 * Only a {@code @RequestParam} list or array (several files, several staged uploads) takes several values.
 */
class SingleValuedParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getValue().length > 1 && !multiValued(method, parameter.getKey())) {
                throw Refusal.badRequest("form.invalid");
            }
        }
        return true;
    }

    private static boolean multiValued(HandlerMethod method, String name) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String declared = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
            Class<?> type = parameter.getParameterType();
            if (name.equals(declared) && (type.isArray() || Collection.class.isAssignableFrom(type))) {
                return true;
            }
        }
        return false;
    }
}
