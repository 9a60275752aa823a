#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Regenerates tests/doctor/fixtures/ (host scenarios) and tests/doctor/images/ (image
# inspect replies). The fixture files are committed; edit this script, rerun, review the diff.
import json, os
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'fixtures')

def w(scn, path, content):
    p = os.path.join(base, scn, path.lstrip('/'))
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'w') as f:
        f.write(content)

def cap(scn, path, content):
    w(scn, '.plinth-capture/' + path, content)

V2 = "cpuset cpu io memory hugetlb pids rdma misc\n"
def cgroup_v2(scn, controllers=V2):
    w(scn, '/sys/fs/cgroup/cgroup.controllers', controllers)
def cgroup_v1(scn, dirs=("blkio","cpu,cpuacct","cpuset","devices","freezer","memory","pids","systemd","unified")):
    for d in dirs:
        w(scn, f'/sys/fs/cgroup/{d}/tasks', '')

def info(cgroup_version, runtimes, driver="overlay2", cgroup_driver="systemd", server="27.5.1", cdi=None, root="/var/lib/docker", extra=None):
    rt = {name: {"path": path} for name, path in runtimes}
    j = {"ID":"fixture","Containers":0,"Images":3,"Driver":driver,
         "DriverStatus":[["Backing Filesystem","extfs"],["Supports d_type","true"]],
         "MemoryLimit":True,"SwapLimit":True,"CpuCfsPeriod":True,"CpuCfsQuota":True,"PidsLimit":True,
         "CgroupDriver":cgroup_driver,"CgroupVersion":cgroup_version,
         "KernelVersion":"6.8.0-49-generic","OperatingSystem":"Ubuntu 24.04.1 LTS","OSType":"linux","Architecture":"x86_64",
         "NCPU":32,"MemTotal":270000000000,"DockerRootDir":root,"ServerVersion":server,
         "Runtimes":rt,"DefaultRuntime":"runc",
         "SecurityOptions":["name=apparmor","name=seccomp,profile=builtin","name=cgroupns"],
         "Warnings":None, "SomeFutureField": {"x": 1}}
    if cdi is not None:
        j["CDISpecDirs"] = cdi
    if extra: j.update(extra)
    return json.dumps(j, indent=2) + "\n"

def version(server="27.5.1", api="1.47", minapi="1.24"):
    return json.dumps({"Platform":{"Name":"Docker Engine - Community"},"Version":server,"ApiVersion":api,
        "MinAPIVersion":minapi,"GitCommit":"4c9b3b0","GoVersion":"go1.22.11","Os":"linux","Arch":"amd64",
        "KernelVersion":"6.8.0-49-generic","BuildTime":"2025-01-22T13:41:17.000000000+00:00"}, indent=2) + "\n"

def ping(api="1.47", builder="2"):
    return f"Api-Version: {api}\nBuilder-Version: {builder}\nDocker-Experimental: false\nOstype: linux\nServer: Docker/27.5.1 (linux)\n"

def engine(scn, info_text, ver=None, ping_text=None):
    cap(scn, 'engine/reach', 'ok\n')
    cap(scn, 'engine/info.json', info_text)
    cap(scn, 'engine/version.json', ver or version())
    cap(scn, 'engine/ping.headers', ping_text or ping())

def disk(scn, avail_gib, total_gib=500, path="/var/lib/docker"):
    cap(scn, 'disk.tsv', f"{path}\t{total_gib<<30}\t{avail_gib<<30}\n")

def proc_gpu(scn, bus, model, uuid):
    w(scn, f'/proc/driver/nvidia/gpus/{bus}/information',
      f"Model: \t\t {model}\nIRQ:   \t\t 36\nGPU UUID: \t {uuid}\nVideo BIOS: \t 90.04.96.00.02\nBus Type: \t PCIe\nDMA Size: \t 47 bits\nDMA Mask: \t 0x7fffffffffff\nBus Location: \t {bus}\nDevice Minor: \t 0\nGPU Excluded:\t No\n")

def driver(scn, line, ver):
    w(scn, '/proc/driver/nvidia/version', line + "\nGCC version:  gcc version 12.3.0 (Ubuntu 12.3.0-1ubuntu1~22.04) \n")
    w(scn, '/sys/module/nvidia/version', ver + "\n")
    w(scn, '/sys/module/nvidia/refcnt', "12\n")

def smi_bin(scn):
    w(scn, '/usr/bin/nvidia-smi', '')

def hook(scn):
    w(scn, '/usr/bin/nvidia-container-runtime-hook', '')
    w(scn, '/usr/bin/nvidia-ctk', '')
    w(scn, '/usr/bin/nvidia-container-runtime', '')

OLD_TABLE = """Tue Nov 25 10:00:00 2026
+-----------------------------------------------------------------------------+
| NVIDIA-SMI {ver}    Driver Version: {ver}    CUDA Version: {cuda}     |
|-------------------------------+----------------------+----------------------+
| GPU  Name        Persistence-M| Bus-Id        Disp.A | Volatile Uncorr. ECC |
| Fan  Temp  Perf  Pwr:Usage/Cap|         Memory-Usage | GPU-Util  Compute M. |
|                               |                      |               MIG M. |
|===============================+======================+======================|
|   0  Tesla T4            Off  | 00000000:00:1E.0 Off |                    0 |
| N/A   34C    P8     9W /  70W |      0MiB / 15109MiB |      0%      Default |
|                               |                      |                  N/A |
+-------------------------------+----------------------+----------------------+

+-----------------------------------------------------------------------------+
| Processes:                                                                  |
|  GPU   GI   CI        PID   Type   Process name                  GPU Memory |
|        ID   ID                                                   Usage      |
|=============================================================================|
|  No running processes found                                                 |
+-----------------------------------------------------------------------------+
"""

NEW_TABLE = """Tue Nov 25 10:00:00 2026
+---------------------------------------------------------------------------------------+
| NVIDIA-SMI {ver}             Driver Version: {ver}   CUDA Version: {cuda}     |
|-----------------------------------------+----------------------+----------------------+
| GPU  Name                 Persistence-M | Bus-Id        Disp.A | Volatile Uncorr. ECC |
| Fan  Temp   Perf          Pwr:Usage/Cap |         Memory-Usage | GPU-Util  Compute M. |
|                                         |                      |               MIG M. |
|=========================================+======================+======================|
{rows}+-----------------------------------------+----------------------+----------------------+

+---------------------------------------------------------------------------------------+
| Processes:                                                                            |
|  GPU   GI   CI        PID   Type   Process name                            GPU Memory |
|        ID   ID                                                             Usage      |
|=======================================================================================|
|    0   N/A  N/A      2411      C   python3                                   512MiB |
+---------------------------------------------------------------------------------------+
"""
def new_row(i, name, bus, mem):
    return (f"|   {i}  {name:<32}On  | {bus} Off |                    0 |\n"
            f"| N/A   31C    P0              61W / 400W |      4MiB / {mem}MiB |      0%      Default |\n"
            f"|                                         |                      |             Disabled |\n")

# --- no GPU, cgroup v2, engine without nvidia runtime
s = 'no-gpu-cgroup2'
cgroup_v2(s)
engine(s, info("2", [("io.containerd.runc.v2","runc"),("runc","runc")]))
disk(s, 120)
w(s, '/etc/docker/daemon.json', json.dumps({"log-driver": "json-file"}) + "\n")

# --- no GPU, cgroup v1, old engine (Docker 20.10, API 1.41, no Builder-Version)
s = 'no-gpu-cgroup1'
cgroup_v1(s)
engine(s, info("1", [("runc","runc")], cgroup_driver="cgroupfs", server="20.10.24+dfsg1"),
       version("20.10.24+dfsg1", "1.41", "1.12"), "Api-Version: 1.41\nDocker-Experimental: false\nOstype: linux\n")
disk(s, 12)

# --- runtime installed, no GPU / driver
s = 'runtime-no-gpu'
cgroup_v2(s)
hook(s)
engine(s, info("2", [("nvidia","nvidia-container-runtime"),("runc","runc")]))
disk(s, 200)

# --- engine socket missing
s = 'engine-down'
cgroup_v2(s)
cap(s, 'engine/reach', 'socket_missing\n')
cap(s, 'engine/error', 'connect to /var/run/docker.sock: No such file or directory\n')
disk(s, 3)

# --- 470.82.01, Tesla T4, old nvidia-smi layout, nvidia runtime, cgroup v1
s = 'driver-470'
driver(s, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  470.82.01  Fri Oct 22 20:00:54 UTC 2021", "470.82.01")
proc_gpu(s, "0000:00:1e.0", "Tesla T4", "GPU-8f6b4d0c-1a2b-3c4d-5e6f-7a8b9c0d1e2f")
smi_bin(s)
cap(s, 'commands/nvidia-smi.txt', OLD_TABLE.format(ver="470.82.01", cuda="11.4"))
cap(s, 'commands/nvidia-smi-query.txt', "470.82.01, Tesla T4, 15109 MiB, GPU-8f6b4d0c-1a2b-3c4d-5e6f-7a8b9c0d1e2f\n")
hook(s)
cgroup_v1(s)
engine(s, info("1", [("nvidia","nvidia-container-runtime"),("runc","runc")], cgroup_driver="cgroupfs", server="20.10.24"),
       version("20.10.24", "1.41", "1.12"), "Api-Version: 1.41\nOstype: linux\n")
disk(s, 300)

# --- 535.104.05, A100, wide layout, hook on PATH only (no runtime entry), cgroup v2
s = 'driver-535'
driver(s, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023", "535.104.05")
proc_gpu(s, "0000:07:00.0", "NVIDIA A100-SXM4-80GB", "GPU-4a8b1c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d")
smi_bin(s)
cap(s, 'commands/nvidia-smi.txt', NEW_TABLE.format(ver="535.104.05", cuda="12.2", rows=new_row(0, "NVIDIA A100-SXM4-80GB", "00000000:07:00.0", 81920)))
cap(s, 'commands/nvidia-smi-query.txt', "535.104.05, NVIDIA A100-SXM4-80GB, 81920 MiB, GPU-4a8b1c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d\n")
cap(s, 'commands/nvidia-smi-version.txt', "NVIDIA-SMI version  : 535.104.05\nNVML version        : 535.104\nDRIVER version      : 535.104.05\nCUDA Version        : 12.2\n")
w(s, '/usr/bin/nvidia-container-runtime-hook', '')
cgroup_v2(s)
engine(s, info("2", [("io.containerd.runc.v2","runc"),("runc","runc")], server="24.0.7"), version("24.0.7","1.43","1.12"), ping("1.43", "2"))
disk(s, 15)

# --- 550.90.07, 2x H100, CDI spec + engine that reads CDI, host CUDA toolkit + cuDNN
s = 'driver-550'
driver(s, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.90.07  Fri May 31 09:35:42 UTC 2024", "550.90.07")
proc_gpu(s, "0000:19:00.0", "NVIDIA H100 80GB HBM3", "GPU-11111111-2222-3333-4444-555555555555")
proc_gpu(s, "0000:3b:00.0", "NVIDIA H100 80GB HBM3", "GPU-66666666-7777-8888-9999-000000000000")
smi_bin(s)
rows = new_row(0, "NVIDIA H100 80GB HBM3", "00000000:19:00.0", 81559) + new_row(1, "NVIDIA H100 80GB HBM3", "00000000:3B:00.0", 81559)
cap(s, 'commands/nvidia-smi.txt', NEW_TABLE.format(ver="550.90.07", cuda="12.4", rows=rows))
cap(s, 'commands/nvidia-smi-query.txt', "550.90.07, NVIDIA H100 80GB HBM3, 81559 MiB, GPU-11111111-2222-3333-4444-555555555555\n550.90.07, NVIDIA H100 80GB HBM3, 81559 MiB, GPU-66666666-7777-8888-9999-000000000000\n")
cap(s, 'commands/nvidia-smi-version.txt', "NVIDIA-SMI version  : 550.90.07\nNVML version        : 550.90\nDRIVER version      : 550.90.07\nCUDA Version        : 12.4\n")
w(s, '/usr/bin/nvidia-ctk', '')
w(s, '/etc/cdi/nvidia.yaml', "---\ncdiVersion: 0.5.0\nkind: nvidia.com/gpu\ndevices:\n- name: \"0\"\n  containerEdits:\n    deviceNodes:\n    - path: /dev/nvidia0\n- name: all\ncontainerEdits:\n  hooks:\n  - hookName: createContainer\n    path: /usr/bin/nvidia-cdi-hook\n")
w(s, '/etc/cdi/other-vendor.yaml', "cdiVersion: 0.5.0\nkind: vendor.example.com/fpga\ndevices: []\n")
for d in ('cuda', 'cuda-12', 'cuda-12.3'):  # the links, as real files (git keeps no links here)
  w(s, f'/usr/local/{d}/version.json', json.dumps({"cuda": {"name": "CUDA SDK", "version": "12.3.107"}, "cuda_cudart": {"version": "12.3.101"}}, indent=3) + "\n")
w(s, '/usr/local/cuda-11.8/version.txt', "CUDA Version 11.8.89\n")
w(s, '/usr/local/cuda-12.3/version.json', json.dumps({"cuda": {"name": "CUDA SDK", "version": "12.3.107"}, "cuda_cudart": {"version": "12.3.101"}}, indent=3) + "\n")
w(s, '/usr/include/cudnn_version.h', "/* cudnn */\n#ifndef CUDNN_VERSION_H_\n#define CUDNN_VERSION_H_\n\n#define CUDNN_MAJOR 8\n#define CUDNN_MINOR 9\n#define CUDNN_PATCHLEVEL 7\n\n#define CUDNN_VERSION (CUDNN_MAJOR * 1000 + CUDNN_MINOR * 100 + CUDNN_PATCHLEVEL)\n#endif\n")
w(s, '/etc/docker/daemon.json', json.dumps({"default-shm-size": "2G", "runtimes": {}}, indent=2) + "\n")
cgroup_v2(s)
engine(s, info("2", [("io.containerd.runc.v2","runc"),("runc","runc")], server="28.5.1", cdi=["/etc/cdi","/var/run/cdi"]), version("28.5.1","1.51","1.24"), ping("1.51","2"))
disk(s, 900, 1800)

# --- 575.57.08 open kernel module (Blackwell), --version form, nvidia runtime
s = 'driver-575-open'
driver(s, "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  575.57.08  Release Build  (dvs-builder@U16-I3-B03-4-3)  Tue May 20 05:02:42 UTC 2025", "575.57.08")
proc_gpu(s, "0000:01:00.0", "NVIDIA RTX PRO 6000 Blackwell Workstation Edition", "GPU-abcdefab-cdef-abcd-efab-cdefabcdefab")
smi_bin(s)
cap(s, 'commands/nvidia-smi.txt', NEW_TABLE.format(ver="575.57.08", cuda="12.9", rows=new_row(0, "NVIDIA RTX PRO 6000 Blac...", "00000000:01:00.0", 97887)))
cap(s, 'commands/nvidia-smi-query.txt', "575.57.08, NVIDIA RTX PRO 6000 Blackwell Workstation Edition, 97887 MiB, GPU-abcdefab-cdef-abcd-efab-cdefabcdefab\n")
cap(s, 'commands/nvidia-smi-version.txt', "NVIDIA-SMI version  : 575.57.08\nNVML version        : 575.57\nDRIVER version      : 575.57.08\nCUDA Version        : 12.9\n")
hook(s)
cgroup_v2(s)
engine(s, info("2", [("nvidia","nvidia-container-runtime"),("runc","runc")], server="28.5.1"), version("28.5.1","1.51","1.24"), ping("1.51","2"))
disk(s, 400)

# --- 590.48.01, open module, --version with GSP firmware line
s = 'driver-590'
driver(s, "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  590.48.01  Release Build  (dvs-builder@U22-I3-AE18-23-3)  Mon Dec  8 13:46:04 UTC 2025", "590.48.01")
proc_gpu(s, "0000:18:00.0", "NVIDIA B200", "GPU-0b200000-0000-0000-0000-000000000001")
smi_bin(s)
cap(s, 'commands/nvidia-smi-query.txt', "590.48.01, NVIDIA B200, 183359 MiB, GPU-0b200000-0000-0000-0000-000000000001\n")
cap(s, 'commands/nvidia-smi-version.txt', "NVIDIA-SMI version  : 590.48.01\nNVML version        : 590.48\nDRIVER version      : 590.48.01\nCUDA Version        : 13.1\nGSP Firmware Version: 590.48.01\n")
hook(s)
cgroup_v2(s)
engine(s, info("2", [("nvidia","nvidia-container-runtime"),("runc","runc")], server="29.1.2"), version("29.1.2","1.52","1.44"), ping("1.52","2"))
disk(s, 1500, 3000)

# --- 550 driver but no container runtime at all
s = 'missing-runtime'
driver(s, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.14  Thu Feb 22 01:44:30 UTC 2024", "550.54.14")
proc_gpu(s, "0000:01:00.0", "NVIDIA GeForce RTX 4090", "GPU-40904090-4090-4090-4090-409040904090")
smi_bin(s)
cap(s, 'commands/nvidia-smi-query.txt', "550.54.14, NVIDIA GeForce RTX 4090, 24564 MiB, GPU-40904090-4090-4090-4090-409040904090\n")
cap(s, 'commands/nvidia-smi-version.txt', "NVIDIA-SMI version  : 550.54.14\nNVML version        : 550.54\nDRIVER version      : 550.54.14\nCUDA Version        : 12.4\n")
cgroup_v2(s)
engine(s, info("2", [("io.containerd.runc.v2","runc"),("runc","runc")], driver="vfs"))
disk(s, 60)

# --- driver upgraded without reboot: nvidia-smi reports the NVML mismatch
s = 'smi-mismatch'
driver(s, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.90.07  Fri May 31 09:35:42 UTC 2024", "550.90.07")
proc_gpu(s, "0000:01:00.0", "NVIDIA L40S", "GPU-14051405-1405-1405-1405-140514051405")
smi_bin(s)
for c in ('nvidia-smi', 'nvidia-smi-query', 'nvidia-smi-version'):
    cap(s, f'commands/{c}.txt', "Failed to initialize NVML: Driver/library version mismatch\nNVML library version: 550.120\n")
    cap(s, f'commands/{c}.rc', "18\n")
hook(s)
cgroup_v2(s, "cpuset cpu io hugetlb rdma misc\n")
engine(s, info("2", [("nvidia","nvidia-container-runtime"),("runc","runc")]))
disk(s, 80)

# --- nvidia-smi hangs (killed after the probe's deadline: exit 124)
s = 'smi-hung'
driver(s, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 01:15:15 UTC 2023", "535.104.05")
smi_bin(s)
cap(s, 'commands/nvidia-smi-query.txt', "")
cap(s, 'commands/nvidia-smi-query.rc', "124\n")
hook(s)
cgroup_v2(s)
engine(s, info("2", [("nvidia","nvidia-container-runtime"),("runc","runc")]))
disk(s, 80)

# --- image inspect replies (not host scenarios): used with --image in tests
imgdir = os.path.join(base, '..', 'images')
os.makedirs(imgdir, exist_ok=True)
def image(name, env, labels):
    with open(os.path.join(imgdir, name + '.json'), 'w') as f:
        f.write(json.dumps({"Id": "sha256:" + "0"*64, "RepoTags": [name], "Config": {"Env": env, "Labels": labels}}, indent=2) + "\n")
REQ123 = ("cuda>=12.3 brand=tesla,driver>=470,driver<471 brand=unknown,driver>=470,driver<471 brand=nvidia,driver>=470,driver<471 "
          "brand=nvidiartx,driver>=470,driver<471 brand=geforce,driver>=470,driver<471 brand=geforcertx,driver>=470,driver<471 "
          "brand=quadro,driver>=470,driver<471 brand=quadrortx,driver>=470,driver<471 brand=titan,driver>=470,driver<471 "
          "brand=titanrtx,driver>=470,driver<471 brand=tesla,driver>=525,driver<526 brand=unknown,driver>=525,driver<526 "
          "brand=nvidia,driver>=525,driver<526 brand=nvidiartx,driver>=525,driver<526 brand=geforce,driver>=525,driver<526 "
          "brand=geforcertx,driver>=525,driver<526 brand=quadro,driver>=525,driver<526 brand=quadrortx,driver>=525,driver<526 "
          "brand=titan,driver>=525,driver<526 brand=titanrtx,driver>=525,driver<526 brand=tesla,driver>=535,driver<536 "
          "brand=unknown,driver>=535,driver<536 brand=nvidia,driver>=535,driver<536 brand=nvidiartx,driver>=535,driver<536 "
          "brand=geforce,driver>=535,driver<536 brand=geforcertx,driver>=535,driver<536 brand=quadro,driver>=535,driver<536 "
          "brand=quadrortx,driver>=535,driver<536 brand=titan,driver>=535,driver<536 brand=titanrtx,driver>=535,driver<536")
image('tensorflow-2.16.1-gpu', ["PATH=/usr/local/nvidia/bin:/usr/local/cuda/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "NVARCH=x86_64", "NVIDIA_REQUIRE_CUDA=" + REQ123, "NV_CUDA_CUDART_VERSION=12.3.52-1", "CUDA_VERSION=12.3.0",
      "LD_LIBRARY_PATH=/usr/local/nvidia/lib:/usr/local/nvidia/lib64", "NVIDIA_VISIBLE_DEVICES=all",
      "NVIDIA_DRIVER_CAPABILITIES=compute,utility", "LANG=C.UTF-8"], {"maintainer": "NVIDIA CORPORATION <cudatools@nvidia.com>"})
image('plinth-tf-base', ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NVIDIA_VISIBLE_DEVICES=all"],
      {"io.plinth.stack": "vision-team", "io.plinth.image": "tf-base", "io.plinth.tier": "base", "io.plinth.version": "1.2.0",
       "io.plinth.tensorflow": "2.16.1", "io.plinth.variant": "gpu", "io.plinth.python": "3.11", "io.plinth.cuda": "12.3",
       "io.plinth.cudnn": "8.9", "io.plinth.driver.min": "525.60.13", "io.plinth.driver.toolkit": "545.23.06"})
image('plinth-cpu', ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
      {"io.plinth.image": "tf-cpu", "io.plinth.tensorflow": "2.16.1", "io.plinth.variant": "cpu", "io.plinth.python": "3.11"})
image('ngc-tf-24.01', ["CUDA_VERSION=12.3.2.001", "CUDNN_VERSION=8.9.7.29+cuda12.2", "TENSORFLOW_VERSION=2.14.0", "NVIDIA_REQUIRE_CUDA=cuda>=9.0",
      "NVIDIA_VISIBLE_DEVICES=all", "NVIDIA_DISABLE_REQUIRE=true"], {"com.nvidia.tensorflow.version": "2.14.0"})
print("ok")
