package no.trondelag.samhandling.app.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Map;
import no.trondelag.samhandling.app.problem.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures on the dashboard's pages answered as pages in Norwegian rather than as problem details: 400 for a
 * parameter that cannot be read, 404 for something the ledger does not hold, 503 while the database is unavailable,
 * 500 for anything else. It applies to
 * the dashboard's controllers only and comes before the API's handler.
 */
@ControllerAdvice(basePackageClasses = DashboardErrorPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardErrorPages.class);

    private final DashboardSupport support;

    DashboardErrorPages(DashboardSupport support) {
        this.support = support;
    }

    @ExceptionHandler(InvalidPageParameterException.class)
    ModelAndView invalidParameter(InvalidPageParameterException exception) {
        boolean date = exception.parameter().equals("dato");
        String title = date ? "Ugyldig dato" : exception.parameter().equals("aar") ? "Ugyldig år" : "Ugyldig verdi";
        String name = date ? "Datoen" : exception.parameter().equals("aar") ? "Året" : "Verdien";
        return problem(HttpStatus.BAD_REQUEST, title,
                name + " «" + exception.value() + "» kan ikke leses. " + exception.advice());
    }

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "Fant ikke siden", exception.explanation());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception exception, HttpServletResponse response) {
        if (DatabaseFailures.of(exception) != DatabaseFailures.Kind.NONE) {
            LOG.warn("The database is unavailable: {}", exception.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Midlertidig utilgjengelig",
                    "Tjenesten får ikke kontakt med databasen akkurat nå. Prøv igjen om litt.");
        }
        LOG.error("Unexpected failure while rendering a dashboard page", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Noe gikk galt",
                "Siden kunne ikke vises på grunn av en feil hos oss. Feilen er logget. Prøv igjen om litt.");
    }

    private ModelAndView problem(HttpStatus status, String title, String detail) {
        ModelAndView model = new ModelAndView("dashboard/problem", status);
        LocalDate today = support.today();
        model.addAllObjects(support.layout(new AsOf(today, false), today, "", "/", Map.of()));
        model.addObject("status", status.value());
        model.addObject("title", title);
        model.addObject("detail", detail);
        return model;
    }
}
