# Independent reference for the CodeCarbon importer tests: Python csv + Fraction.
import csv, glob, json, math, calendar, datetime, os
from fractions import Fraction as F
out={}
for f in sorted(glob.glob('/work/shared/fixtures/codecarbon/*.csv')):
    rows=list(csv.reader(open(f,newline='')))
    hdr=[h.strip() for h in rows[0]]
    col=lambda r,n: r[hdr.index(n)] if n in hdr else None
    key='run_id' if 'run_id' in hdr else 'experiment_id'
    runs={}; order=[]; skipped=[]; valid=0
    for i,r in enumerate(rows[1:], start=2):
        r=[c.strip() for c in r]
        if not col(r,'energy_consumed') and not col(r,'emissions') and not col(r,'duration'):
            skipped.append(i); continue
        valid+=1
        k=col(r,key)
        if k not in runs: runs[k]=[]; order.append(k)
        runs[k].append(r)
    E=F(0); M=F(0); starts=[]; ends=[]; acc=F(0); accKnown='gpu_count' in hdr; pw=F(0)
    for k in order:
        r=runs[k][-1]
        e=F(col(r,'energy_consumed')); m=F(col(r,'emissions')); d=F(col(r,'duration'))
        E+=e; M+=m
        ts=calendar.timegm(datetime.datetime.strptime(col(r,'timestamp'),'%Y-%m-%dT%H:%M:%S').timetuple())
        ends.append(ts); starts.append(ts-math.ceil(d))
        if accKnown:
            g=col(r,'gpu_count'); g=F(g) if g else F(0)
            acc+=g*d
        p=col(r,'pue'); pw+=e*(F(p) if p else 1)
    inten=math.floor(M*1000/E+F(1,2))
    out[os.path.basename(f)]=dict(validRows=valid, skipped=skipped, runs=len(order),
      energyWh=str(math.floor(E*1000)), emissionsG=str(math.floor(M*1000)), intensity=str(inten),
      periodStart=min(starts), periodEnd=max(ends), accHours=str(math.floor(acc/3600)) if accKnown else None,
      pueMilli=str(math.floor(pw*1000/E)), firstRun=order[0], lastRunRows=len(runs[order[-1]]))
print(json.dumps(out,indent=1))
