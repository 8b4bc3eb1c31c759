/**
 * Which AWS SDK commands each handler's code can send, read from the source with the TypeScript checker, and
 * the IAM actions they need. Used by sdk-commands.test.ts to hold infra/function-permissions.ts to the code.
 *
 * From the handler file (all of it: its callbacks are called by middy), follows every reference to project code
 * — functions, methods, object-literal members, constructors — and reads the commands constructed on the way
 * (`new GetCommand(…)`). A call through a port (an interface, e.g. `deps.store.get`) reaches the method of that
 * name in every class of the handler's import graph that declares `implements` of the port — the adapters in
 * shared/aws. Function bodies are read whole, nested callbacks included, so the result can only over-count
 * within a reached function, never miss a command sent from one. Module-level code of every imported file is
 * read too (it runs at cold start); functions defined there count only once something refers to them.
 *
 * What it cannot tell: which index a Query names when the name is computed (it reports "some index"), and
 * which configured provider a deployment uses (it reports every channel the code can deliver on).
 */
import * as path from 'node:path';
import ts from 'typescript';

export interface CommandSite {
  /** Repository-relative file and 1-based line of the `new XxxCommand(` expression. */
  readonly file: string;
  readonly line: number;
  /** The command class, e.g. `TransactWriteCommand`. */
  readonly command: string;
  /** The SDK package it comes from, e.g. `@aws-sdk/lib-dynamodb`. */
  readonly sdkPackage: string;
}

/** IAM actions by resource kind: table, index (some index), notificationQueue, workflow, staffAccounts, secret, email, sms, files, fileJobQueue. */
export type ActionsByResource = Record<string, string[]>;

export interface HandlerCommands {
  readonly sites: CommandSite[];
  readonly actions: ActionsByResource;
}

/** The IAM service prefix and the resource kind this project uses each SDK package for. */
const packages: Record<string, { prefix: string; resource: string }> = {
  '@aws-sdk/lib-dynamodb': { prefix: 'dynamodb', resource: 'table' },
  '@aws-sdk/client-dynamodb': { prefix: 'dynamodb', resource: 'table' },
  '@aws-sdk/client-sqs': { prefix: 'sqs', resource: 'notificationQueue' },
  '@aws-sdk/client-sfn': { prefix: 'states', resource: 'workflow' },
  '@aws-sdk/client-cognito-identity-provider': { prefix: 'cognito-idp', resource: 'staffAccounts' },
  '@aws-sdk/client-secrets-manager': { prefix: 'secretsmanager', resource: 'secret' },
  '@aws-sdk/client-sesv2': { prefix: 'ses', resource: 'email' },
  '@aws-sdk/client-sns': { prefix: 'sns', resource: 'sms' },
  // The private files bucket (exports, bulletins): presigned GETs and multipart uploads.
  '@aws-sdk/client-s3': { prefix: 's3', resource: 'files' },
  '@aws-sdk/lib-storage': { prefix: 's3', resource: 'files' },
};

/**
 * Classes that send commands of their own inside the SDK, by the IAM actions those need: lib-storage's Upload
 * (create, upload parts, complete: s3:PutObject; abort on failure: s3:AbortMultipartUpload).
 */
const senders: Record<string, Record<string, readonly string[]>> = {
  '@aws-sdk/lib-storage': { Upload: ['PutObject', 'AbortMultipartUpload'] },
};

/** Files whose commands go to another resource of the same service than the package's: the file-jobs queue. */
const fileResources: Record<string, string> = {
  'shared/aws/sqs-file-job-queue.ts': 'fileJobQueue',
};

/** Commands authorised on another resource than their package's: a workflow's executions, not the machine. */
const commandResources: Record<string, Record<string, string>> = {
  '@aws-sdk/client-sfn': { DescribeExecutionCommand: 'executions' },
};

/** Commands whose IAM action is not the command's own name. */
const actionNames: Record<string, Record<string, string>> = {
  '@aws-sdk/lib-dynamodb': {
    GetCommand: 'GetItem',
    PutCommand: 'PutItem',
    UpdateCommand: 'UpdateItem',
    DeleteCommand: 'DeleteItem',
    QueryCommand: 'Query',
    ScanCommand: 'Scan',
    BatchGetCommand: 'BatchGetItem',
    BatchWriteCommand: 'BatchWriteItem',
    TransactGetCommand: 'GetItem',
  },
  '@aws-sdk/client-dynamodb': { TransactGetItemsCommand: 'GetItem' },
  // A batch is authorised as its single-message action.
  '@aws-sdk/client-sqs': { SendMessageBatchCommand: 'SendMessage', ChangeMessageVisibilityBatchCommand: 'ChangeMessageVisibility', DeleteMessageBatchCommand: 'DeleteMessage' },
};

/** A transaction's items: each kind of item needs its own action (the transaction has none). */
const transactionItems: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };
const transactWrites = new Set(['TransactWriteCommand', 'TransactWriteItemsCommand']);
const tableReads = new Set(['QueryCommand', 'ScanCommand']);

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** The name a declaration gives (a variable's, a parameter's, a property's): naming a thing does not run it. */
function isDeclarationName(node: ts.Identifier | ts.PrivateIdentifier): boolean {
  const parent = node.parent;
  return (
    (ts.isVariableDeclaration(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isBindingElement(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isShorthandPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent)) &&
    parent.name === node
  );
}

export class SdkCommandAnalysis {
  private readonly program: ts.Program;
  private readonly checker: ts.TypeChecker;

  constructor(
    private readonly root: string,
    handlerFiles: readonly string[],
  ) {
    const configPath = path.join(root, 'tsconfig.json');
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
    // Only project code is followed, and a command is known by the package it is imported from: the packages'
    // own declarations (12 MB with the SDK's models and the DOM) are not needed, so they are read as empty
    // modules. That keeps the program small: this runs beside the integration tests on two cores.
    const options: ts.CompilerOptions = { ...config.options, noEmit: true, types: [], lib: ['lib.es2023.d.ts'] };
    const host = ts.createCompilerHost(options);
    const readSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, ...rest) =>
      /[\\/]node_modules[\\/]/.test(fileName) && !/[\\/]node_modules[\\/]typescript[\\/]lib[\\/]/.test(fileName)
        ? ts.createSourceFile(fileName, 'export {};', languageVersion)
        : readSourceFile(fileName, languageVersion, ...rest);
    this.program = ts.createProgram({ rootNames: handlerFiles.map((f) => path.resolve(root, f)), options, host });
    this.checker = this.program.getTypeChecker();
  }

  private isProjectFile(file: ts.SourceFile): boolean {
    const relative = path.relative(this.root, file.fileName);
    return !relative.startsWith('..') && !relative.split(path.sep).includes('node_modules') && !file.isDeclarationFile;
  }

  private relative(node: ts.Node): string {
    return path.relative(this.root, node.getSourceFile().fileName).split(path.sep).join('/');
  }

  private resolved(symbol: ts.Symbol | undefined): ts.Symbol | undefined {
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  /** The project files a handler imports, directly or not (type-only imports are not in the bundle). */
  importGraph(handlerFile: string): ts.SourceFile[] {
    const start = this.program.getSourceFile(path.resolve(this.root, handlerFile));
    if (!start) throw new Error(`${handlerFile} is not in the program`);
    const seen = new Set<ts.SourceFile>([start]);
    const queue = [start];
    while (queue.length) {
      const file = queue.pop()!;
      for (const statement of file.statements) {
        const specifier =
          (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) || (ts.isExportDeclaration(statement) && !statement.isTypeOnly)
            ? statement.moduleSpecifier
            : undefined;
        if (!specifier) continue;
        const target = this.resolved(this.checker.getSymbolAtLocation(specifier))?.valueDeclaration;
        if (target && ts.isSourceFile(target) && this.isProjectFile(target) && !seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    return [...seen];
  }

  /** Every `new XxxCommand(` of an AWS SDK package in project code: what the reached sites are checked against. */
  allSites(files: readonly ts.SourceFile[] = this.program.getSourceFiles().filter((f) => this.isProjectFile(f))): CommandSite[] {
    const sites: CommandSite[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node)) {
        const site = this.commandSite(node);
        if (site) sites.push(site);
      }
      ts.forEachChild(node, visit);
    };
    files.forEach(visit);
    return sites;
  }

  /** `new X(…)` where X is imported from an AWS SDK package and its name ends in Command. */
  private commandSite(node: ts.NewExpression): CommandSite | undefined {
    if (!ts.isIdentifier(node.expression)) return undefined;
    const specifier = this.checker.getSymbolAtLocation(node.expression)?.declarations?.find(ts.isImportSpecifier);
    const from = specifier?.parent.parent.parent.moduleSpecifier;
    const sdkPackage = from && ts.isStringLiteral(from) && /^@aws-sdk\/[^/]+$/.test(from.text) ? from.text : undefined;
    const command = (specifier?.propertyName ?? specifier?.name)?.text;
    if (!sdkPackage || !command || !(command.endsWith('Command') || senders[sdkPackage]?.[command])) return undefined;
    const { line } = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart());
    return { file: this.relative(node), line: line + 1, command, sdkPackage };
  }

  /** What one handler can send, and the IAM actions that needs. */
  analyse(handlerFile: string): HandlerCommands {
    const graph = this.importGraph(handlerFile);
    const handler = graph[0]!;
    const visited = new Set<ts.Node>();
    const sites = new Map<string, { site: CommandSite; node: ts.NewExpression }>();

    // The graph's classes (adapters are top-level classes), and per port the ones implementing it.
    const classes = graph.flatMap((file) => file.statements.filter(ts.isClassDeclaration));
    const implementers = new Map<ts.Symbol, ts.ClassDeclaration[]>();
    const classesImplementing = (port: ts.Symbol): ts.ClassDeclaration[] => {
      if (!implementers.has(port)) implementers.set(port, classes.filter((c) => this.implementsPort(c, port)));
      return implementers.get(port)!;
    };

    /** Reads a node: `deep` descends into nested functions (a reached body's callbacks), otherwise not (module level). */
    const read = (node: ts.Node, deep: boolean): void => {
      if (visited.has(node)) return;
      visited.add(node);
      const visit = (child: ts.Node): void => {
        if (ts.isTypeNode(child) || ts.isInterfaceDeclaration(child) || ts.isTypeAliasDeclaration(child) || ts.isImportDeclaration(child) || ts.isExportDeclaration(child)) return;
        if (!deep && (isFunctionLike(child) || ts.isClassDeclaration(child))) return;
        if (ts.isNewExpression(child)) {
          const site = this.commandSite(child);
          if (site) sites.set(`${site.file}:${child.getStart()}`, { site, node: child });
        }
        if ((ts.isIdentifier(child) || ts.isPrivateIdentifier(child)) && !isDeclarationName(child)) reach(this.checker.getSymbolAtLocation(child));
        if (ts.isShorthandPropertyAssignment(child)) reach(this.checker.getShorthandAssignmentValueSymbol(child));
        ts.forEachChild(child, visit);
      };
      visit(node);
    };

    const readMember = (member: ts.ClassElement | ts.TypeElement): void => {
      if (isFunctionLike(member)) read(member, true);
      else if (ts.isPropertyDeclaration(member) && member.initializer) read(member.initializer, true);
    };

    const reach = (symbol: ts.Symbol | undefined): void => {
      const target = this.resolved(symbol);
      for (const declaration of target?.declarations ?? []) {
        const file = declaration.getSourceFile();
        if (!this.isProjectFile(file)) continue;
        if (isFunctionLike(declaration)) read(declaration, true);
        else if (ts.isVariableDeclaration(declaration) && declaration.initializer) read(declaration.initializer, true);
        else if (ts.isPropertyAssignment(declaration)) read(declaration.initializer, true);
        else if (ts.isPropertyDeclaration(declaration) && declaration.initializer) read(declaration.initializer, true);
        else if (ts.isClassDeclaration(declaration)) {
          // Constructing: the constructor and the field initializers run.
          for (const member of declaration.members) {
            if (ts.isConstructorDeclaration(member) || (ts.isPropertyDeclaration(member) && !member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword))) readMember(member);
          }
        } else if ((ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration)) && ts.isInterfaceDeclaration(declaration.parent)) {
          // A call through a port: every adapter in the graph that implements it.
          const port = this.checker.getSymbolAtLocation(declaration.parent.name);
          const name = declaration.name.getText();
          for (const adapter of port ? classesImplementing(port) : []) {
            for (const member of this.membersNamed(adapter, name)) readMember(member);
          }
        }
      }
    };

    // The handler file runs whole (its callbacks are called by middy and the use cases); every imported
    // module's top level runs at cold start.
    read(handler, true);
    for (const file of graph.slice(1)) read(file, false);

    const found = [...sites.values()];
    return { sites: found.map((s) => s.site).sort((a, b) => `${a.file}:${a.line}`.localeCompare(`${b.file}:${b.line}`)), actions: this.actionsOf(found) };
  }

  private implementsPort(node: ts.ClassDeclaration, port: ts.Symbol): boolean {
    const implemented = (node.heritageClauses ?? [])
      .filter((clause) => clause.token === ts.SyntaxKind.ImplementsKeyword)
      .flatMap((clause) => clause.types.map((t) => this.resolved(this.checker.getSymbolAtLocation(t.expression))));
    const seen = new Set<ts.Symbol>();
    const extendsPort = (symbol: ts.Symbol | undefined): boolean => {
      if (!symbol || seen.has(symbol)) return false;
      seen.add(symbol);
      if (symbol === port) return true;
      return (symbol.declarations ?? []).some(
        (d) =>
          ts.isInterfaceDeclaration(d) &&
          (d.heritageClauses ?? []).some((clause) => clause.types.some((t) => extendsPort(this.resolved(this.checker.getSymbolAtLocation(t.expression))))),
      );
    };
    return implemented.some(extendsPort);
  }

  /** The class's members of that name, or its base classes' (an inherited method). */
  private membersNamed(node: ts.ClassDeclaration, name: string): ts.ClassElement[] {
    const own = node.members.filter((m) => m.name?.getText() === name);
    if (own.length) return own;
    const base = (node.heritageClauses ?? []).find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    const baseDeclaration = base && this.resolved(this.checker.getSymbolAtLocation(base.expression))?.declarations?.find(ts.isClassDeclaration);
    return baseDeclaration && this.isProjectFile(baseDeclaration.getSourceFile()) ? this.membersNamed(baseDeclaration, name) : [];
  }

  private actionsOf(found: readonly { site: CommandSite; node: ts.NewExpression }[]): ActionsByResource {
    const out: ActionsByResource = {};
    const add = (resource: string, action: string) => {
      out[resource] = [...new Set([...(out[resource] ?? []), action])].sort();
    };
    for (const { site, node } of found) {
      const where = `${site.file}:${site.line} ${site.command}`;
      const service = packages[site.sdkPackage];
      if (!service) throw new Error(`${where}: no IAM prefix for ${site.sdkPackage}; add it to test/infra/sdk-commands.ts`);
      const sent = senders[site.sdkPackage]?.[site.command];
      if (sent) {
        for (const action of sent) add(service.resource, `${service.prefix}:${action}`);
        continue;
      }
      if (transactWrites.has(site.command)) {
        const kinds = this.transactionItemKinds(node);
        if (!kinds.length) throw new Error(`${where}: cannot tell the transaction's items (Put, Update, Delete, ConditionCheck): write them as object literals in the method`);
        for (const kind of kinds) add(service.resource, `${service.prefix}:${transactionItems[kind]}`);
        continue;
      }
      const action = actionNames[site.sdkPackage]?.[site.command] ?? site.command.replace(/Command$/, '');
      if (tableReads.has(site.command) && service.resource === 'table') {
        const input = node.arguments?.[0];
        if (!input || !ts.isObjectLiteralExpression(input)) throw new Error(`${where}: write the command's input inline, so its IndexName can be read`);
        const onIndex = input.properties.some((p) => p.name?.getText() === 'IndexName');
        add(onIndex ? 'index' : 'table', `${service.prefix}:${action}`);
        continue;
      }
      add(commandResources[site.sdkPackage]?.[site.command] ?? fileResources[site.file] ?? service.resource, `${service.prefix}:${action}`);
    }
    return out;
  }

  /** The kinds of item (Put, Update, …) written as object-literal keys in the function that builds the transaction. */
  private transactionItemKinds(node: ts.Node): string[] {
    let scope: ts.Node | undefined = node.parent;
    while (scope && !isFunctionLike(scope)) scope = scope.parent;
    const kinds = new Set<string>();
    const visit = (child: ts.Node): void => {
      if (ts.isPropertyAssignment(child) && child.name.getText() in transactionItems) kinds.add(child.name.getText());
      ts.forEachChild(child, visit);
    };
    if (scope) visit(scope);
    return [...kinds].sort();
  }
}
