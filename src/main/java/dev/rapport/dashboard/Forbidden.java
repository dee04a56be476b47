package dev.rapport.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page the viewer's role doesn't cover: 403 with the reason, and nothing of the page. */
@ResponseStatus(HttpStatus.FORBIDDEN)
class Forbidden extends RuntimeException {

  Forbidden(String reason) {
    super(reason, null, false, false);
  }
}
