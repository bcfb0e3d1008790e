package no.trondelag.samhandling.app.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The error page as problem details, in place of Spring Boot's default JSON: what the servlet container forwards to
 * {@code /error} after a filter or servlet sent an error status or threw. It answers with the original status and its
 * rule ({@link ErrorProblems#ruleFor(int)}), {@code request-rejected} when the firewall refused the request, and 404
 * when {@code /error} is asked for directly. The body is written whatever the request accepts, since a client sending
 * a broken request should still learn why.
 */
@Controller
@Hidden
public class ProblemErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ErrorAttributes errorAttributes;
    private final ObjectMapper objectMapper;

    ProblemErrorController(ErrorAttributes errorAttributes, ObjectMapper objectMapper) {
        this.errorAttributes = errorAttributes;
        this.objectMapper = objectMapper;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getRequestURI();
        ProblemDetail problem;
        if (!(code instanceof Integer status) || status < 400) {
            problem = ErrorProblems.problem(404, "not-found", ErrorProblems.detailFor(404),
                    request.getRequestURI());
        } else {
            Throwable error = errorAttributes.getError(new ServletWebRequest(request));
            RequestRejectedException rejected = rejection(error);
            if (rejected != null && status == 400) {
                problem = ErrorProblems.problem(status, ErrorProblems.REQUEST_REJECTED, rejected.getMessage(),
                        path);
            } else {
                if (status >= 500) {
                    LOG.error("A request failed outside the controllers: {}", path, error);
                }
                problem = ErrorProblems.problem(status, ErrorProblems.ruleFor(status), ErrorProblems.detailFor(status),
                        path);
            }
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    private static RequestRejectedException rejection(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestRejectedException rejected) {
                return rejected;
            }
        }
        return null;
    }
}
