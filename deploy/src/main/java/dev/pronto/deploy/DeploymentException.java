package dev.pronto.deploy;

/** A WAR that cannot be deployed, with a message saying why and, where it applies, the file, line and column. */
public final class DeploymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeploymentException(String message) {
        super(message);
    }

    public DeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
