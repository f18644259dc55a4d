/**
 * The registry's authentication and authorization: what {@code strata registry serve} asks before every operation.
 *
 * <p>{@link dev.strata.registry.auth.AuthConfig} (the {@code auth:} section or command-line flags) is turned by
 * {@link dev.strata.registry.auth.RegistryAuth#create} into one {@link dev.strata.registry.auth.Authorizer} and,
 * when the registry issues its own tokens, a token-service handler. Three modes, as in CNCF Distribution:
 * <ul>
 *   <li>none: {@link dev.strata.registry.auth.Authorizer#ALLOW_ALL};</li>
 *   <li>htpasswd: {@link dev.strata.registry.auth.BasicAuthorizer}, bcrypt entries of an Apache htpasswd file
 *       ({@link dev.strata.registry.auth.Htpasswd}, re-read when it changes);</li>
 *   <li>token: {@link dev.strata.registry.auth.TokenAuthorizer} verifying JWTs (Docker's token authentication spec),
 *       issued by our {@link dev.strata.registry.auth.TokenService} from htpasswd accounts, or by another token
 *       server trusted through its certificate ({@code rootcertbundle}).</li>
 * </ul>
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>Permissions are ordered rules, first match wins ({@link dev.strata.registry.auth.Permissions}), as in
 *       docker_auth, so that an exception can precede a broad grant; no rules means every account may do everything
 *       (Distribution's htpasswd behaviour).</li>
 *   <li>A valid token that does not cover the operation gets 401 with {@code error="insufficient_scope"}, as
 *       Distribution answers; with Basic, a known account without the permission gets 403 {@code DENIED}.</li>
 *   <li>Tokens are ES256 JWS made with the JDK's {@code Signature} and Jackson (package {@code jose}); the header
 *       carries both {@code x5c} and the libtrust {@code kid}, the two ways the CNCF registry finds a key, and
 *       {@code aud} is a single string, which registry 2.8 requires. A generated key comes with a self-signed
 *       certificate written by our small DER encoder, since the JDK has no public API for one: that file is what
 *       another registry needs as its {@code rootcertbundle}.</li>
 *   <li>bcrypt comes from {@code spring-security-crypto} (100 kB, no dependencies, maintained with Spring
 *       Security), rather than Bouncy Castle (8 MB) or a less active single-maintainer library.</li>
 * </ul>
 */
package dev.strata.registry.auth;
