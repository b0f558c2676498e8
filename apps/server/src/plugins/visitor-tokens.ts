import fp from 'fastify-plugin';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { schema } from '@hearth/db';
import { signVisitorToken, verifyVisitorToken, type VisitorClaims } from '../auth/visitor-token.ts';

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
    const { db } = app.sqlite;
    // Insert-if-absent then read: every node of a cluster ends up with the same secret.
    db.insert(schema.instanceSettings)
      .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') })
      .onConflictDoNothing()
      .run();
    const secret = db
      .select({ value: schema.instanceSettings.value })
      .from(schema.instanceSettings)
      .where(eq(schema.instanceSettings.key, SECRET_KEY))
      .get()!.value;
    app.decorate('visitorTokens', {
      sign: (claims: VisitorClaims) => signVisitorToken(secret, claims),
      verify: (token: unknown) => verifyVisitorToken(secret, token),
    });
  },
  { name: 'visitor-tokens', dependencies: ['store'] },
);
