import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { SlashCommand } from "./command.js";
import { IN_SERVERS_ONLY } from "./everywhere.js";
import { spanish } from "./spanish.js";

/** For server admins: this server's own articles, answered only here, added from an attached file. */
export const article = {
  data: {
    type: ApplicationCommandType.ChatInput,
    name: "article",
    description: "This server's own articles, answered only here (Manage Server)",
    ...spanish("articulo", "Los artículos propios de este servidor, respondidos solo aquí"),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "add",
        description: "Add an article from a .md or .txt file, or without one from a form",
        ...spanish("anadir", "Añade un artículo desde un archivo .md o .txt, o sin archivo desde un formulario"),
        options: [
          {
            type: ApplicationCommandOptionType.Attachment,
            name: "file",
            description: "A .md or .txt file of at most 1 MB: front matter with title and source, then the text",
            ...spanish(
              "archivo",
              "Un archivo .md o .txt de 1 MB como mucho: encabezado con title y source, y el texto",
            ),
            required: false,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "list",
        description: "The articles added in this server",
        ...spanish("lista", "Los artículos añadidos en este servidor"),
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "remove",
        description: "Remove one of this server's articles (asks to confirm)",
        ...spanish("quitar", "Quita uno de los artículos de este servidor (pide confirmación)"),
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: "article",
            description: "Its file name or title, as /article list shows",
            ...spanish("articulo", "Su nombre de archivo o su título, como lo muestra /article list"),
            required: true,
            max_length: 200,
          },
        ],
      },
    ],
    // Manage Server (1 << 5): Discord shows the command only to members with it, unless a server changes that.
    default_member_permissions: "32",
    ...IN_SERVERS_ONLY,
  } as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody,
  administers: true,
  execute: (interaction, { manageArticles }) => {
    switch (interaction.options.getSubcommand(true)) {
      case "add": {
        const file = interaction.options.getAttachment("file");
        return manageArticles({
          action: "add",
          attachment: file ? { name: file.name, url: file.url, size: file.size } : undefined,
        });
      }
      case "remove":
        return manageArticles({ action: "remove", article: interaction.options.getString("article", true) });
      default:
        return manageArticles({ action: "list" });
    }
  },
} satisfies SlashCommand;
