package dev.rapport.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The dashboard's refusals and failures as pages in plain words: a 403 says why, a 500 never shows a trace. */
@ControllerAdvice(assignableTypes = {MyPages.class, AdminPages.class, TeamPages.class, SignInWithSlack.class})
class DashboardErrors {

  private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

  @ExceptionHandler(Forbidden.class)
  String forbidden(Forbidden e, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(403);
    return page(request, model, "Not for you", e.getMessage());
  }

  @ExceptionHandler(NotFound.class)
  String notFound(NotFound e, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(404);
    return page(request, model, "Not found", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  String failed(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
    log.warn("Dashboard page {} failed", request.getServletPath(), e);
    response.setStatus(500);
    return page(request, model, "Something went wrong", "Rapport couldn't show this page just now; nothing was "
        + "changed. Try again in a moment.");
  }

  private static String page(HttpServletRequest request, Model model, String title, String text) {
    model.addAttribute("viewer", request.getAttribute(Viewer.ATTRIBUTE));
    model.addAttribute("title", title);
    model.addAttribute("text", text);
    model.addAttribute("page", "");
    return "dashboard/error";
  }
}
