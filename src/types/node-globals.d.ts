// Globals that Node has but @types/node 20 leaves to lib.dom and lib.webworker, which
// tsconfig.node.json does not load. Only tsconfig.node.json includes this file: the app and worker
// configs get the full declarations from their libs.

/** The global MessagePort is worker_threads' (@types/node declares only its value). */
type MessagePort = import('node:worker_threads').MessagePort;

/**
 * The part of the WebAssembly JS API that the Node side uses (compile, instantiate, validate,
 * Module, Instance, Memory), with the same shapes as lib.dom's.
 */
declare namespace WebAssembly {
  type BufferSource = ArrayBufferView | ArrayBuffer;
  type ExportValue = Function | Global | Memory | Table;
  type Exports = Record<string, ExportValue>;
  type ImportValue = ExportValue | number;
  type ModuleImports = Record<string, ImportValue>;
  type Imports = Record<string, ModuleImports>;

  interface Module {}
  var Module: {
    prototype: Module;
    new (bytes: BufferSource): Module;
  };

  interface Instance {
    readonly exports: Exports;
  }
  var Instance: {
    prototype: Instance;
    new (module: Module, importObject?: Imports): Instance;
  };

  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }
  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  var Memory: {
    prototype: Memory;
    new (descriptor: MemoryDescriptor): Memory;
  };

  interface Global {
    value: any;
  }
  interface Table {
    readonly length: number;
  }

  interface WebAssemblyInstantiatedSource {
    instance: Instance;
    module: Module;
  }

  function compile(bytes: BufferSource): Promise<Module>;
  function instantiate(bytes: BufferSource, importObject?: Imports): Promise<WebAssemblyInstantiatedSource>;
  function instantiate(moduleObject: Module, importObject?: Imports): Promise<Instance>;
  function validate(bytes: BufferSource): boolean;
}
