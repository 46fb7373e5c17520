package dev.pronto.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an {@link UnsupportedSettingException} into Boot's "APPLICATION FAILED TO START" report. Stateless. */
class UnsupportedSettingFailureAnalyzer extends AbstractFailureAnalyzer<UnsupportedSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsupportedSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
    }
}
