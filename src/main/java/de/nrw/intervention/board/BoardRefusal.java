package de.nrw.intervention.board;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** A board request refused: 403 (not theirs to see) or 400 (naming the parameter), with a German message. */
final class BoardRefusal extends WebApplicationException {

  private BoardRefusal(Response.Status status, String type, String field, String message) {
    super(message, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(type, field, message))
        .build());
  }

  static BoardRefusal forbidden(String message) {
    return new BoardRefusal(Response.Status.FORBIDDEN, "BoardAccessDenied", null, message);
  }

  static BoardRefusal badRequest(String field, String message) {
    return new BoardRefusal(Response.Status.BAD_REQUEST, "InvalidBoardRequest", field, message);
  }

  private static Map<String, String> body(String type, String field, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("type", type);
    if (field != null) {
      body.put("field", field);
    }
    body.put("message", message);
    return body;
  }
}
