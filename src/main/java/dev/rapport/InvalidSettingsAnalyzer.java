package dev.rapport;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A setting out of its range (every {@code @ConfigurationProperties} record is {@code @Validated}) stops
 * the start with one line per bad value that names the variable people set, e.g. "RAPPORT_OUTBOX_WORKERS
 * (rapport.outbox.workers) is "0": must be greater than or equal to 1". Runs before Spring Boot's own
 * analyzer, which names only the property. Values of secrets are never shown.
 */
class InvalidSettingsAnalyzer extends AbstractFailureAnalyzer<BindValidationException> implements Ordered {

  private static final Pattern SECRET = Pattern.compile("(?i).*(secret|token|key|password).*");

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
    ValidationErrors errors = cause.getValidationErrors();
    StringBuilder description = new StringBuilder("Rapport can't start with these settings:");
    for (ObjectError error : errors.getAllErrors()) {
      description.append(System.lineSeparator()).append("    ");
      if (error instanceof FieldError field) {
        String property = errors.getName() + "." + DataObjectPropertyName.toDashedForm(field.getField());
        description.append(variable(property, Origin.from(field))).append(" (").append(property).append(')');
        if (!SECRET.matcher(property).matches()) {
          description.append(" is \"").append(field.getRejectedValue()).append('"');
        }
        description.append(": ");
      } else {
        description.append(errors.getName()).append(": ");
      }
      description.append(error.getDefaultMessage());
    }
    return new FailureAnalysis(description.toString(), "Set the variables named above to values in "
        + "range, or unset them for the defaults, and start Rapport again.", cause);
  }

  /** The environment variable that set it, or else the one that would: RAPPORT_OUTBOX_WORKERS. */
  static String variable(String property, Origin origin) {
    for (Origin o = origin; o != null; o = o.getParent()) {
      if (o instanceof SystemEnvironmentOrigin env) {
        return env.getProperty();
      }
      if (o instanceof PropertySourceOrigin source
          && source.getPropertySource() instanceof SystemEnvironmentPropertySource) {
        return source.getPropertyName();
      }
    }
    return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
