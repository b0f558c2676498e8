import fp from 'fastify-plugin';
import { noteCommands } from './note.commands.ts';

/** Internal notes on conversations: the `note:add` command (notes are read with `conversation:open`). */
export default fp(
  async (app) => {
    app.realtime.agentCommands(['note:add'], (socket) => noteCommands({ store: app.store, agentNsp: app.agentNsp, socket }));
  },
  { name: 'notes', dependencies: ['store', 'io', 'realtime'] },
);
