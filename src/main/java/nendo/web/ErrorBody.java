package nendo.web;

/** The one shape of every error answer: {"status", "error", "message"}. */
public record ErrorBody(int status, String error, String message) {}
