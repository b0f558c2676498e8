import fp from 'fastify-plugin';
import { randomBytes } from 'node:crypto';
import { signVisitorToken, verifyVisitorToken, type VisitorClaims } from './visitor-token.ts';

declare module 'fastify' {
  interface FastifyInstance {
    visitorTokens: {
      sign(claims: VisitorClaims): string;
      verify(token: unknown): VisitorClaims | null;
    };
  }
}

const SECRET_KEY = 'visitor_token_secret';

export default fp(
  async (app) => {
    // Insert-if-absent then read: every node of a cluster ends up with the same secret.
    const candidate = randomBytes(32).toString('base64url');
    const secret = await app.store.unit((tx) => tx.instance.settingOrInit(SECRET_KEY, candidate));
    app.decorate('visitorTokens', {
      sign: (claims: VisitorClaims) => signVisitorToken(secret, claims),
      verify: (token: unknown) => verifyVisitorToken(secret, token),
    });
  },
  { name: 'visitor-tokens', dependencies: ['store'] },
);
