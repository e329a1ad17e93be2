package cn.gov.qinghai.kit.params;

/** A parameter file is malformed. Raised at start-up so a bad file never serves a wrong number. */
public class ParameterFileException extends RuntimeException {
    public ParameterFileException(String message) {
        super(message);
    }

    public ParameterFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
