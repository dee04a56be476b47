package dev.rapport.slack;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing encryption key into Spring Boot's short "APPLICATION FAILED TO START" report. */
class MissingEncryptionKeyAnalyzer extends AbstractFailureAnalyzer<MissingEncryptionKeyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingEncryptionKeyException cause) {
    return new FailureAnalysis(MissingEncryptionKeyException.DESCRIPTION, MissingEncryptionKeyException.ACTION, cause);
  }
}
