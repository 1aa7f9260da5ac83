package dev.triage.config;

/**
 * Bad input from the user: a malformed file, an unknown key, a value out of range. The message is one
 * line that names the file (and line/column or key where known) and says how to fix it. The command
 * line maps this to exit code 2.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
