import { z } from 'zod';

/**
 * zod's own messages (a wrong type, a text too long, an unknown field) in Thai, wherever a schema gives none of
 * its own: the API's answers and the web's forms speak Thai to people.
 */
z.config(z.locales.th());
