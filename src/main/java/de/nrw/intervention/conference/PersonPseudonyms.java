package de.nrw.intervention.conference;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym of a person for recognising repeat referrals: HMAC-SHA256 of the police system's person number under
 * a secret key, in hex. The same number gives the same pseudonym in every district and agency, without the number or
 * a name ever being stored; without the key, nobody can test a guessed number against the stored pseudonyms.
 */
final class PersonPseudonyms {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  PersonPseudonyms(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("intervention.conference.pseudonym-key (INTERVENTION_CONFERENCE_PSEUDONYM_KEY) "
          + "is not set: repeat referrals cannot be recognised without it");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** Spaces and case do not matter: police systems print person numbers in either. */
  String of(String personNumber) {
    String normalised = personNumber.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", unavailable);
    }
  }
}
